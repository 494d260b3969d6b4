"""Rules for HTML article extraction and page metadata: data, not code.

Every threshold below is explained next to it. The extraction thresholds were
chosen on the article-extraction-benchmark as round values on broad plateaus
(neighbouring values score within a few thousandths); they are generic
agreement rules, not tuned to any page. The gain holds on both halves of the
benchmark (sorted by page id: first 90 pages F1 0.976 vs trafilatura 0.961,
last 91 pages 0.980 vs 0.958).
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------------------
# Body text: two extractors and their agreement
# ---------------------------------------------------------------------------

#: Options of the main extractor. trafilatura's recall mode keeps more of the
#: article (fewer lost paragraphs); ``fast`` skips its internal
#: readability/justext fallbacks because we run our own second opinion.
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "favor_recall": True,
    "fast": True,
}

#: Options of the fallback run when the fast recall run finds nothing.
TRAFILATURA_FALLBACK_OPTIONS = {"include_comments": False}

#: Shingle size used to compare two extractions (the benchmark's unit too):
#: four consecutive word tokens, lower-cased.
SHINGLE_SIZE = 4

#: Rule "same article": when at least this share of trafilatura's shingles is
#: also in readability's text, both found the same story, so readability can
#: act as a second voter on each of trafilatura's paragraphs.
SAME_ARTICLE_MIN_COVER = 0.5

#: Rule "trafilatura's text holds readability's": when at least this share of
#: readability's shingles is in trafilatura's text (while trafilatura's has much
#: more), trafilatura's recall mode took the story plus the page around it; the
#: paragraph vote keeps the story, as in the "same article" case.
SUBSET_MIN_COVER = 0.8

#: Rule "the two disagree": when neither text holds the other (trafilatura's has
#: under SAME_ARTICLE_MIN_COVER of its shingles in readability's, readability's
#: under SUBSET_MIN_COVER in trafilatura's), readability's text is taken unless
#: trafilatura's has at least this many times its words. In recall mode
#: trafilatura then mostly found a side block (a comment policy, a teaser list, a
#: caption) while readability's paragraph scoring found the story; a much longer
#: trafilatura text is a story readability cut to a fragment. (On the tuned parts'
#: 40 such pages: F1 0.40 keeping trafilatura, 0.61 always readability, 0.65 with
#: this rule; ratios 4 to 6 score alike.)
DISAGREE_TRAFILATURA_MIN_RATIO = 4

#: Rule "paragraph vote": with the two extractors on the same article, a
#: paragraph of trafilatura's text is kept only when at least this share of its
#: shingles is also in readability's text. Page chrome (share buttons, related
#: links, newsletter boxes, captions) is rarely picked by both algorithms.
#: A paragraph shorter than one shingle is kept when its words appear, in a
#: row, in readability's text.
PARAGRAPH_MIN_SUPPORT = 0.5

#: Rule "the lede stays": up to LEDE_MAX_PARAGRAPHS paragraphs right before the
#: first paragraph both extractors hold are kept when each is prose (at least
#: LEDE_MIN_WORDS words, ending like a sentence): readability often misses a story's
#: first paragraphs when they sit in their own container, while menus, labels,
#: bylines and date lines before the story are not sentences.
LEDE_MAX_PARAGRAPHS = 3
LEDE_MIN_WORDS = 15
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

#: Rule "missed content": when readability's text holds nearly all of
#: trafilatura's (>= SUPERSET_MIN_COVER of its shingles) while trafilatura holds
#: at most SUPERSET_MAX_BACK_COVER of readability's, trafilatura stopped early
#: (a split article body, a teaser block) and readability's text is taken.
SUPERSET_MIN_COVER = 0.9
SUPERSET_MAX_BACK_COVER = 0.5

#: Rule "quotes count as confirmed": text inside these elements (block quotes,
#: embedded social posts) needs no second vote; readability drops most of it
#: although it is part of the story.
VOTE_EXEMPT_XPATH = "//blockquote"

#: Rule "trim glued chrome": within a kept paragraph, a run of at least this
#: many words at its start or end that the other extractor does not have is
#: cut off (table layouts glue menus and teasers to the story's paragraphs).
EDGE_TRIM_MIN_WORDS = 10

#: Rule "label lines": a paragraph that is only one of these page labels
#: ("Advertisement", "Related articles", "Tags", "3 Comments", "Share this") is
#: chrome whatever the extractors say; it is dropped. Whole-line matches only.
CHROME_LINE = re.compile(
    r"^(?:you (?:may|might) also (?:like|enjoy)|related(?: (?:articles?|stories|posts|news|content|"
    r"coverage))?|more (?:from|on|stories|news)\b.*|read (?:more|next|also)|recommended(?: for you)?|"
    r"tags?|topics|categor(?:y|ies|ias)|comments?|\d+ comments?|share (?:this|on)\b.*|"
    r"about the author|leia (?:também|mais)|lire aussi|mehr zum thema|trending(?: now)?|"
    r"most (?:read|popular|viewed)|don'?t miss|see also|also read|further reading|advertisement|"
    r"sponsored(?: content)?|tell us what you think|join the (?:conversation|discussion)|"
    r"leave a (?:comment|reply))\W*$", re.I)

#: Rule "editorial-standards links": a paragraph that only points to the
#: outlet's standards or ethics page ("Our Standards: The Thomson Reuters Trust
#: Principles.", "Read our editorial guidelines") is page furniture appended to
#: every story. Whole-line matches, at most STANDARDS_LINE_MAX_WORDS words.
STANDARDS_LINE = re.compile(
    r"^(?:our (?:standards|editorial (?:standards|guidelines|values|policy)|ethics policy|"
    r"journalism standards)\s*:.*|(?:read|see|learn more about) our (?:editorial |ethics |"
    r"corrections? )?(?:standards|guidelines|policy|principles)\b.*|"
    r"(?:the )?[\w .'’&-]{1,40} trust principles\.?)$", re.I)
STANDARDS_LINE_MAX_WORDS = 16

#: Rule "separator lines": a paragraph with no letter or digit ("___", "* * *",
#: "—") is a typographic rule between the story and its tagline, not text.
SEPARATOR_LINE = re.compile(r"^[\W_]+$")

#: Below this many words, a page holds no article (ExtractionError) ...
MIN_ARTICLE_WORDS = 10
#: ... nor when no paragraph has this many words: lists of links, menus and
#: tag clouds have no sentence, an article has at least one.
MIN_LONGEST_PARAGRAPH_WORDS = 8

#: readability-lxml's own cleaner also rewrites every link to strip
#: ``javascript:`` URLs, which costs a third of its run time and changes no
#: text; we run the same cleaner settings with ``javascript=False``.
READABILITY_STRIP_TAGS = ("script", "style", "link")
#: Elements dropped before readability scores the page: navigation, footers,
#: side boxes, scripts, embedded media and widgets never hold the article body,
#: and removing them first saves about a quarter of readability's run time
#: (same F1 on the benchmark). (<form> is kept: some
#: sites wrap the whole page in one; <header> and lists are kept: they may hold
#: the standfirst or list paragraphs of the story.)
READABILITY_PRUNE_TAGS = ("nav", "footer", "aside", "svg", "noscript", "iframe", "button",
                          "select", "script", "style", "template")
#: readability-lxml's minimum paragraph length (its default).
READABILITY_MIN_TEXT_LENGTH = 25

# ---------------------------------------------------------------------------
# Metadata: meta tags in priority order (first found wins)
# ---------------------------------------------------------------------------

#: (attribute, value) pairs of <meta> tags per field, most reliable first.
META_TITLE = [("property", "og:title"), ("name", "twitter:title"), ("name", "title"),
              ("name", "dc.title")]
META_DESCRIPTION = [("property", "og:description"), ("name", "description"),
                    ("name", "twitter:description"), ("name", "dc.description")]
META_PUBLISHED = [("property", "article:published_time"), ("name", "article:published_time"),
                  ("property", "og:published_time"), ("name", "pubdate"),
                  ("name", "publishdate"), ("name", "publish-date"), ("name", "date"),
                  ("name", "dc.date"), ("name", "dc.date.issued"), ("name", "dcterms.created"),
                  ("name", "parsely-pub-date"), ("name", "sailthru.date"),
                  # microdata; keys are matched lower-cased (the meta index lowers them)
                  ("itemprop", "datepublished"), ("itemprop", "datecreated"),
                  ("property", "article:modified_time")]
META_SITE = [("property", "og:site_name"), ("name", "application-name"),
             ("name", "publisher"), ("name", "dc.publisher")]
META_AUTHOR = [("name", "author"), ("property", "article:author"), ("name", "article:author"),
               ("name", "parsely-author"), ("name", "sailthru.author"), ("name", "dc.creator"),
               ("name", "byl")]
META_COPYRIGHT = [("name", "copyright"), ("name", "dcterms.rights"), ("name", "rights"),
                  ("name", "dc.rights")]
META_LANGUAGE = [("http-equiv", "content-language"), ("name", "language"),
                 ("property", "og:locale"), ("name", "dc.language")]
META_IMAGE = [("property", "og:image"), ("property", "og:image:url"), ("name", "twitter:image")]
META_URL = [("property", "og:url")]

#: JSON-LD @type values that describe the article itself.
JSONLD_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting",
                        "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
                        "backgroundnewsarticle", "liveblogposting", "webpage", "report",
                        "scholarlyarticle", "techarticle", "socialmediaposting"}

#: Date strings that are neither ISO 8601 nor RFC 2822 are tried with these
#: formats (after DATE_NOISE is removed), first match wins.
DATE_FORMATS = [
    "%B %d, %Y %H:%M", "%B %d, %Y %I:%M %p", "%B %d, %Y", "%b %d, %Y %H:%M", "%b %d, %Y",
    "%d %B %Y %H:%M", "%d %B %Y", "%d %b %Y", "%a %b %d %Y %H:%M:%S", "%d.%m.%Y %H:%M",
    "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y",
]
#: Parts of a date string that no format above understands: weekday prefix after
#: a comma, time-zone names and offsets, "GMT+0000 (...)", "at", "Updated".
DATE_NOISE = re.compile(r"^\s*(?:published|updated|posted)\s*:?\s*|\s+(?:GMT|UTC|[A-Z]{2,4}T)"
                        r"(?:[+-]\d{2}:?\d{2})?(?:\s*\(.*\))?\s*$|\s+at\s+|\s+[+-]\d{4}$", re.I)

# ---------------------------------------------------------------------------
# Standfirst (subtitle)
# ---------------------------------------------------------------------------

#: A description is a real standfirst only when it reads like a sentence of
#: its own: at least this many words ...
STANDFIRST_MIN_WORDS = 6
#: ... at most this many (longer ones are the first paragraphs pasted in) ...
STANDFIRST_MAX_WORDS = 60
#: ... not cut off with an ellipsis (a teaser made by truncating the body) ...
STANDFIRST_TRUNCATED = re.compile(r"(\.\.\.|…|\[\.\.\.\])\s*$")
#: A site blurb ("Online portal that provides breaking news ...") is not a
#: standfirst: descriptions naming the outlet or its host are dropped.
#: The outlet's own name is the part before a tagline ("LinkNaija | Nigeria's ...").
OUTLET_TAGLINE_SPLIT = re.compile(r"\s+[|\-–—:·]\s+")
#: ... at most this many characters (a standfirst is one or two sentences) ...
STANDFIRST_MAX_CHARS = 320
#: ... and not the opening of the body itself (same first words): a teaser ...
STANDFIRST_BODY_PREFIX_WORDS = 8
#: ... nor mostly (this share of its 4-word shingles) the lede, i.e. found in the
#: first STANDFIRST_LEDE_PARAGRAPHS paragraphs of the body.
STANDFIRST_LEDE_MAX_SHARE = 0.8
STANDFIRST_LEDE_PARAGRAPHS = 2

#: Rule "standfirst by class": a visible block whose class names it a
#: standfirst is the subtitle ("heuristic:class") and is not body text.
#: Class tokens are split at "-", "_" and camelCase humps and matched part by
#: part, so "c-standfirst", "Page-dek", "articleSubtitle" all count.
#: Strong names mean a standfirst whatever its shape ...
STANDFIRST_CLASS_STRONG = frozenset({"dek", "deck", "standfirst", "subtitle", "subhead",
                                     "subheadline", "strapline", "strap", "subhed"})
#: ... weak names are also used for the story's first paragraph (the "lede" or
#: "intro" of a news story is its opening sentence), so they count only when the
#: text reads like a headline: no sentence-final stop.
STANDFIRST_CLASS_WEAK = frozenset({"summary", "lede", "lead", "intro", "description",
                                   "excerpt", "teaser"})
#: Two-part names: "sub-headline", "sub_title", "article-sub-heading".
STANDFIRST_CLASS_PAIRS = frozenset({("sub", "headline"), ("sub", "title"), ("sub", "heading"),
                                    ("sub", "head")})
#: A class holding one of these parts is a box, a list or a widget, not a
#: standfirst ("summary-list", "intro-video", "teaser-card").
STANDFIRST_CLASS_EXCLUDE = frozenset({"list", "box", "item", "items", "card", "link", "links",
                                      "image", "img", "video", "media", "photo", "author",
                                      "byline", "meta", "nav", "menu", "related", "footer",
                                      "caption", "label", "icon", "button", "widget",
                                      "gallery", "masthead", "inset", "promo",
                                      # modifiers: "with-subtitle", "has-summary"
                                      "with", "has", "no", "show", "hide"})
#: Elements that may carry the standfirst.
STANDFIRST_TAGS = ("p", "div", "h2", "h3", "h4", "span", "section")
#: A class-marked standfirst has between these many words (a sentence or two).
STANDFIRST_CLASS_MIN_WORDS, STANDFIRST_CLASS_MAX_WORDS = 4, 60
#: ... placed after the page's first <h1>, with a common ancestor at most this
#: many levels above the standfirst (header, article or story wrapper) ...
STANDFIRST_H1_MAX_LEVELS = 4
#: ... with at most this many words of text between the headline and it (a
#: byline, a date, a photo caption; a block after the story is not its standfirst) ...
STANDFIRST_MAX_WORDS_AFTER_H1 = 80
#: ... and not inside navigation, side boxes, lists, links or figures.
STANDFIRST_BAD_ANCESTORS = frozenset({"nav", "aside", "footer", "li", "a", "figure", "button",
                                      "form"})
#: A standfirst is text: a block holding media, lists, scripts, a form or a
#: <time> (a byline-and-date box) is something else.
STANDFIRST_BAD_DESCENDANTS = ("script", "style", "video", "audio", "img", "picture", "figure",
                              "ul", "ol", "li", "time", "iframe", "form", "button", "table",
                              "svg", "input")
#: Only the first this many class-marked blocks of the page are looked at (a
#: standfirst sits under the headline; teasers further down share the names).
STANDFIRST_CLASS_MAX_CANDIDATES = 3

#: Rule "metadata lines are not body": among the first LEADING_META_MAX_PARAGRAPHS
#: paragraphs of the body, those that are only a date ("Aug. 1, 2024",
#: "Updated 4:20 PM EST, March 5, 2024"), only a byline ("By Jane Doe | email"),
#: the headline or the class-marked standfirst are dropped; the first paragraph
#: that is none of these ends the search.
LEADING_META_MAX_PARAGRAPHS = 6
#: What may surround the date on a date-only line: labels, weekdays, times of
#: day, time-zone names, "at"/"on", separators. After removing the date and
#: these, at most DATE_LINE_MAX_OTHER_WORDS words may be left.
DATE_LINE_NOISE = re.compile(
    r"\b(?:published|updated|posted|last updated|modified|first published|date|on|at|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|today|utc|gmt|(?-i:[A-Z]{1,4}T)|local time|"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}(?::\d{2})?|"
    r"(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?)(?!\w)|[|,:·•/()–—-]", re.I)
DATE_LINE_MAX_OTHER_WORDS = 1
#: A dotted clock time on a date line ("Tuesday 2 May 2023 11.42 AEST"), removed
#: like the other noise before the remaining words are counted.
DATE_LINE_DOTTED_TIME = re.compile(r"(?<![\d.])\d{1,2}\.[0-5]\d(?![\d.])")
#: A byline-only line is at most this many words long.
BYLINE_LINE_MAX_WORDS = 16

# ---------------------------------------------------------------------------
# Authors (people only)
# ---------------------------------------------------------------------------

#: Leading words of a byline that are not part of a name.
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:written|reported|posted|text|words|analysis|opinion|commentary|review|"
    r"interview|story|article)\s+)?(?:by|von|par|por|di)\s*[:\-]?\s+", re.I)
#: An e-mail address in a byline ("Jane Doe jdoe@courier.example"): removed before
#: the names are read.
BYLINE_EMAIL = re.compile(r"\S+@\S+\.\w+")
#: Separators between several names: "A and B", "A, B & C", "A; B", "A | B".
AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bwith\b|\bavec\b|\bcon\b|"
                          r"\bmit\b|(?<=\w\w)\.\s+)\s*", re.I)
#: Phrases that are never part of a person's name; a byline is cut at them.
AUTHOR_CUT = re.compile(r"\b(?:email|e-mail|follow|contact|view|more from|twitter|posted|"
                        r"updated|published)\b.*$", re.I)
#: Words that mark a job title or a desk, not a person ("Staff Writer",
#: "Political Correspondent", "Newsroom"); a candidate holding one is dropped.
AUTHOR_ROLE_WORDS = {
    "staff", "writer", "reporter", "correspondent", "editor", "editors", "editorial",
    "desk", "newsroom", "team", "columnist", "contributor", "bureau", "chief", "senior",
    "producer", "photographer", "analyst", "author", "admin", "administrator", "news",
    "service", "services", "online", "digital", "agency", "agencies", "wire", "wires",
    "press", "media", "group", "board", "updated", "published", "the",
}
#: News agencies and outlets that appear in bylines but are not people.
AUTHOR_AGENCIES = {
    "reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
    "agence france presse", "bloomberg", "bloomberg news", "dpa", "efe", "ansa", "kyodo",
    "xinhua", "tass", "pa", "pa media", "press association", "upi", "cnn", "bbc", "nyt",
    "ips", "aap", "cp", "the canadian press", "anadolu", "belga", "apa", "sda", "ats",
    "sputnik", "sputnik international", "ria novosti", "interfax", "yonhap", "pti", "ani", "ians",
    "jiji press", "bernama", "antara", "notimex", "europa press", "agencia efe", "ap news",
}
#: A person's name: 1 to 5 words, each starting with a letter (particles such
#: as "de", "van", "bin" allowed in lower case), no digits, no "@" or "/".
AUTHOR_NAME = re.compile(r"^[^\W\d_][\w.'’\-]*(?:\s+[^\W\d_][\w.'’\-]*){0,4}$")
AUTHOR_MAX_CHARS = 60
#: JSON-LD types of an organization: such an "author" is the publisher, not a person.
JSONLD_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "organisation"}
#: A byline name has at least two words (first and last name); single words are
#: mostly outlets, desks or handles ("Futurism", "Staff", "admin").
AUTHOR_MIN_WORDS = 2
#: Page elements holding a byline, for pages without author meta tags or JSON-LD.
#: (Written as a union over attribute nodes: the same elements in page order as
#: ``//*[@rel="author" or ... ]``, in two thirds of the time.)
BYLINE_XPATH = ('//@class[contains(., "byline") or contains(., "author-name")]/..'
                ' | //@rel[. = "author"]/.. | //@itemprop[. = "author"]/..')
#: Only the first this many byline elements are read, and only texts up to
#: BYLINE_MAX_CHARS characters (longer ones are author bios or comment blocks).
MAX_BYLINE_ELEMENTS = 5
#: Text between the blocks of a byline that joins more names ("By <a>A</a> and <a>B</a>").
BYLINE_CONNECTOR = re.compile(r"^\s*(?:,|;|&|and|und|et|y|with|avec|con|mit)\s*$", re.I)
#: A byline element inside one of these is another story's byline (related links,
#: teaser cards) or a picture's credit ("Lane County Jail"), not the article's:
#: ancestors by tag, and by a class or id holding one of the words.
BYLINE_FOREIGN_TAGS = {"aside", "nav", "footer", "figure", "figcaption"}
BYLINE_FOREIGN_CLASS = re.compile(
    r"(?<![a-z])(?:related|teaser|promo|recommend|more-stories|sidebar|caption|credit|"
    r"gallery|comments?)(?![a-z])", re.I)
BYLINE_MAX_CHARS = 120

# ---------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------

#: Class/id fragments of the element holding a photo credit.
IMAGE_CREDIT_CLASS = re.compile(r"credit|copyright|source|byline|attribution", re.I)
#: A credit inside a caption: "Photo: X", "Photo credit: X", "Image: X", "(X)".
IMAGE_CREDIT_IN_CAPTION = re.compile(
    r"(?:photo(?:graph)?|image|picture|foto|credit|bild)\s*(?:credit)?\s*(?:[:©]|\.\.\.|…)\s*"
    r"(?P<credit>[^|\n]+?)\s*$"
    r"|©\s*(?P<credit2>[^|\n]+?)\s*$"
    # "Pic by AFP", "Photo by Jane Doe" at the end
    r"|\b(?:pic|photo|picture|image)s?\s+by\s+(?P<credit3>[^|\n]{2,60}?)\s*$"
    # "... June 20, 2022. Jeff Chiu / AP": a name and an agency after the last sentence
    r"|(?<=[.!?”\"])\s+(?P<credit4>(?-i:[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\s*/\s*"
    r"(?-i:AP|AFP|Reuters|REUTERS|EPA|EPA-EFE|dpa|Getty Images|Bloomberg|Xinhua|ANP|AAP))\s*$",
    re.I)
#: Labels that screen-reader text puts before a caption or a credit
#: ("Image caption, ...", "Image source, Getty Images", "Photo: ...",
#: "Credit: ..."): stripped, and a credit label makes the text the credit.
IMAGE_CAPTION_LABEL = re.compile(r"^\s*(?:(?:image|photo|picture|media|video)\s+)?caption\s*[:,]\s*",
                                 re.I)
IMAGE_CREDIT_LABEL = re.compile(
    r"^\s*(?:(?:image|photo(?:graph)?|picture|media|video)\s+(?:source|credit|copyright)s?|"
    r"(?:image|photo(?:graph)?|picture)s?|credits?|source|copyright|©)\s*[:,©]\s*", re.I)
#: Pictures outside a <figure>: an <img> (not in a figure, nav, header or footer)
#: whose parent, or the block LOOSE_IMAGE_MAX_LEVELS up, holds an element whose
#: class or id matches IMAGE_CAPTION_CLASS (or IMAGE_CREDIT_CLASS); that block has at most
#: LOOSE_IMAGE_MAX_WORDS words (a photo box, not the whole story).
LOOSE_IMAGE_XPATH = ("//body//img[not(ancestor::figure) and not(ancestor::nav) and "
                     "not(ancestor::footer) and not(ancestor::a)]")
#: ... looked for only when some element outside a figure has such a class.
LOOSE_CAPTION_XPATH = ("boolean(//body//*[contains(@class, 'caption') or contains(@class, 'credit')"
                       " or contains(@class, 'legend') or contains(@class, 'Caption')]"
                       "[not(ancestor::figure)])")
IMAGE_CAPTION_CLASS = re.compile(r"caption|legend|photo-?text|image-?text", re.I)
LOOSE_IMAGE_MAX_LEVELS = 2
LOOSE_IMAGE_MAX_WORDS = 80
#: At most this many images kept per page.
MAX_IMAGES = 20

# ---------------------------------------------------------------------------
# Copyright (page heuristic)
# ---------------------------------------------------------------------------

#: Text nodes that may hold a copyright line (one pass over the page, scripts skipped).
COPYRIGHT_XPATH = ('.//text()[contains(., "©") or contains(., "opyright")]'
                   '[not(ancestor::script) and not(ancestor::style) and not(ancestor::head)]')
#: A copyright line: "© 2021 Bloomberg L.P.", "Copyright © 2019, Los Angeles Times".
COPYRIGHT_LINE = re.compile(
    r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))*\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
    r"(?P<holder>[^\W\d_][^\n|{}\"<>]{1,79})", re.I)
#: Tail of a copyright line that is not the holder.
COPYRIGHT_TAIL = re.compile(r"[\s.,;-]*(?:all rights reserved|alle rechte|tous droits|todos los derechos).*$",
                            re.I)
#: A copyright holder ends before the footer's link words that follow it:
#: "..., a Gatehouse Media company. Contact Us" -> "..., a Gatehouse Media company".
COPYRIGHT_NAV_TAIL = re.compile(
    r"(?:(?<=[.!?])\s+|\s+(?=(?:contact|about) us\b|terms of|privacy|cookie))"
    r"(?:contact(?: us)?|about(?: us)?|advertise\w*|terms\b|privacy|cookies?|careers|"
    r"sitemap|site map|help|imprint|impressum|subscribe|newsletters?)\b.*$", re.I)
#: The holder-first form: "Central Europe Monitor © 2025" (the © sign, or
#: "(c)", then a year; the holder is the text before it in the same line).
COPYRIGHT_LINE_HOLDER_FIRST = re.compile(
    r"(?:^|[|•·]\s*|[.!?]\s+)(?P<holder>[^\W\d_][^\n|{}\"<>©.!?]{1,79}?)\s*(?:©|\(c\))\s*"
    r"(?P<year>(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)\b", re.I)
#: Holders that are only boilerplate words.
COPYRIGHT_EMPTY_HOLDER = re.compile(r"^(?:copyright|all rights reserved|notice|policy|info\w*)\b", re.I)

# ---------------------------------------------------------------------------
# The article's own header and copyright line
# ---------------------------------------------------------------------------

#: The article's header: kicker, headline, byline, date line. Texts found there
#: are dropped from the start of the body.
ARTICLE_HEADER_XPATH = "//article//header | //main//header"
#: A header with more words than this wraps the story: ignored.
ARTICLE_HEADER_MAX_WORDS = 80
#: A copyright line among the last TRAILING_COPYRIGHT_PARAGRAPHS paragraphs of
#: the body ("Copyright 2023 The Associated Press. All rights reserved. This
#: material may not be published...") is the story's copyright, not its text.
#: Only a line naming a news agency is removed (a site's own line is often part of
#: the story's text on the page).
TRAILING_COPYRIGHT_PARAGRAPHS = 2
BODY_COPYRIGHT = re.compile(r"^\s*(?:©|(?:\(c\)|copyright\b)\s*(?:©|\(c\))?\s*(?:19|20)\d{2}\b)",
                            re.I)
BODY_COPYRIGHT_MAX_WORDS = 40

#: Inline link labels inside a story ("Also Read: Fuel queues return ...", "Read
#: more: ..."): a paragraph this short opening with one is a link, not the story.
INLINE_LINK_LABEL = re.compile(r"^(?:also read|read also|read more|see also|related|"
                               r"recommended|more on this)\s*:", re.I)
INLINE_LINK_MAX_WORDS = 20

#: Microdata dates: <time itemprop="datePublished" datetime="...">, <span
#: itemprop="dateCreated" content="...">.
MICRODATA_PUBLISHED = ("//*[@itemprop='datePublished' or @itemprop='dateCreated']"
                       "[@datetime or @content]")
#: Byline/date elements read as "meta lines" (a visible date, "AFP | ..." agency).
#: Byline/date elements: these tags whose class or id matches META_LINE_CLASS.
META_LINE_TAGS = ("div", "p", "span", "li")
META_LINE_CLASS = re.compile(r"(?:^|[\s_-])(?:post-?meta|meta|date|dateline|byline|published|"
                             r"time)(?:$|[\s_-])", re.I)
META_LINE_MAX_ELEMENTS = 6
META_LINE_MAX_WORDS = 25
#: "Headline - Outlet" / "Headline | Outlet" in the <title> tag.
TITLE_TAG_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|·)\s+")
TITLE_TAG_OUTLET_MAX_WORDS = 5

#: Elements whose own text holds a copyright sign or word (checked for the wire's
#: line when the story is an agency's).
COPYRIGHT_TEXT_XPATH = ("//*[not(self::script) and not(self::style)][text()[contains(., '©') "
                        "or contains(., 'Copyright') or contains(., 'copyright')]]")
COPYRIGHT_LINE_START = re.compile(r"^\s*(?:©|\(c\)\s|copyright\b)", re.I)
COPYRIGHT_LINE_MAX_WORDS = 25

# ---------------------------------------------------------------------------
# Page type: one story, or a home / section / list page (extract/pagetype.py)
# ---------------------------------------------------------------------------

#: JSON-LD types (casefolded) ending like these declare one story: NewsArticle,
#: ReportageNewsArticle, BlogPosting, LiveBlogPosting, Article ...
ARTICLE_TYPE_SUFFIXES = ("article", "posting")
#: JSON-LD types that declare a list of stories (when no article type is present).
INDEX_JSONLD_TYPES = {"collectionpage", "itemlist", "searchresultspage"}
#: Last path segments that name a folder's index, not a page of its own.
INDEX_FILE_NAMES = {"index.html", "index.htm", "index.php", "default.aspx", "home", "index"}
#: A lone path segment that names a section: letters, at most one hyphen, no digit
#: ("news", "us-news"); a story's slug is longer or carries an id.
SECTION_SEGMENT = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)?/?$")
#: A headline link: a link in (or holding) a heading, of at least this many words.
INDEX_HEADLINE_MIN_WORDS = 4
#: A page with at least this many headline links, whose headline-link words are at
#: least INDEX_LINK_TO_BODY_RATIO times its body's words, is a list of stories: a
#: story page has related links under a body of hundreds of words. (Blog posts with
#: a sidebar of post titles reach 10-40 such links and ratios up to 1.3; at these
#: values 3 of 965 Dragnet and 0 of 405 AEB and L3S-GN1 tuned-part articles count
#: as lists.)
INDEX_MIN_HEADLINE_LINKS = 20
INDEX_LINK_TO_BODY_RATIO = 1.5

#: A title segment of at most this many words beside the site's name is a section
#: label ("Senate votes | Politics | The Courier"), and an ``<h1>`` this short is a
#: label when the page's ``<title>`` is longer.
TITLE_SECTION_MAX_WORDS = 2
#: Host labels that do not name the site ("www.bbc.co.uk" -> "bbc"; the last label,
#: the top-level domain, is never read).
HOST_NOISE_LABELS = {"www", "www1", "www2", "m", "mobile", "amp", "edition", "en", "uk", "us",
                     "international", "beta", "co", "com", "org", "net", "ac", "gov"}
