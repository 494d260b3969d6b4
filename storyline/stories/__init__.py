"""Stories: articles about one real-world event or development, across outlets and days.

- :mod:`storyline.stories.features`: an article as a term vector;
- :mod:`storyline.stories.assign`: incremental assignment at ingest (candidates from an index);
- :mod:`storyline.stories.restory`: rebuild every story in one batch pass;
- :mod:`storyline.stories.views`: what a story is (label, span, outlets, people, quotes,
  timeline), the list of stories, "More on this topic" and people across the archive.

Example::

    with Archive("news.db") as archive:
        story = archive.story(article_id, as_of="2021-12-31")
        print(story["label"], [entry["date"] for entry in story["timeline"]])
"""
from storyline.stories.assign import day_of, place, record, vector_of

__all__ = ["day_of", "place", "record", "vector_of"]
