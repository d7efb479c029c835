"""Clean: RawDocument (text or HTML page) in, CleanedArticle out: the body as blocks, the metadata lifted from
the page (title, date, outlet, dateline, byline) and a Removal for every line taken out, with its rule.

cleaner.py cleans one document; stage.py cleans an archive (the context of lines its pages repeat, the
cleaning cache, the process pool); rules/ holds the phrase and line rules, html/ the page extraction.
"""
