"""Link: Articles, entities and facts in, the Archive out: every entity mention found in the text
(mentions.py) and the articles that cover the same story, with the passages they share (related.py)."""
