"""Rules of the text cleaner: boilerplate phrases, sections (comments, teasers, author boxes), metadata lines
to lift (dates, bylines, datelines). Lines in, a verdict or a value out; no rule names a site."""
