"""Stories: articles about one real-world event or development, across outlets and days.

The story model lives with the archive it indexes (assignment runs inside each article's
insert transaction, and queries read the archive):

- :mod:`storyline.store.story_vectors`: an article as a term vector;
- :mod:`storyline.store.story_index`: incremental assignment at ingest (candidates from an
  index, never a scan) and ``rebuild`` (``storyline restory``);
- :mod:`storyline.store.story_queries`: what a story is (label, span, outlets, people,
  quotes, timeline), the list of stories and "More on this topic".

This package holds what is built on top of them: the commands (:mod:`storyline.stories.cli`)
and their terminal views (:mod:`storyline.stories.render`).

Example::

    with Archive("news.db") as archive:
        story = archive.story(article_id, as_of="2021-12-31")
        print(story["label"], [entry["date"] for entry in story["timeline"]])
"""
