"""Known boilerplate phrasings, as data: lines any news site prints around its articles, in several languages.

Each rule is (name, pattern matched against the whole normalised line, why it is boilerplate). Keep them
general: phrases that many sites use, never strings copied from one page.
"""

from __future__ import annotations

import re

from . import dates


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# (rule name, pattern matched against the whole normalised line, why it is boilerplate)
BOILERPLATE_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("skip-link", _rule(r"^\W*(skip|jump) to (the )?(main |primary )?(content|navigation|main|menu|search|footer)\b.*$"
                        r"|^\W*(aller au contenu|zum inhalt springen|saltar al contenido|vai al contenuto)\b.*$"),
     "accessibility link of the page template"),
    ("search-widget", _rule(r"^(search|search for:?|search the site|search in (title|content|excerpt|posts|pages|comments)|"
                            r"generic selectors|exact matches only|post type selectors|filter by (post type|category)|"
                            r"search (results|here|\.\.\.|…)|type (your search|to search).*|press enter to search.*|"
                            r"rechercher|recherche|suche|suchen|buscar|cerca)$"),
     "label of a search form"),
    ("menu-label", _rule(r"^(menu|main menu|open menu|close( menu)?|toggle navigation|navigation|back to top|"
                         r"top of page|scroll to top|sections|more sections|log ?in|sign ?in|register|my account)$"),
     "navigation control"),
    ("promo", _rule(r"^(read more|read also|also read|related( articles| stories| posts| content| coverage| news)?|"
                    r"see also|recommended( for you| stories| articles)?|more (from|on|stories|news)( \w+)?|"
                    r"you (may|might) also like|trending( now)?|most (read|popular|viewed|shared)|editor'?s picks|"
                    r"don'?t miss|watch|listen|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|"
                    r"leer más|lee también|te puede interesar|leia (também|mais)|continue reading)"
                    r"(\s*[:：»>|–—-].*|\s*(…|\.\.\.)?)$"),
     "promotion of another page"),
    ("promo", _rule(r"^((more|other|latest|top|trending|popular|related|recommended|featured|similar)\b[\w\s'’-]{0,30}"
                    r"\b(stories|news|articles|posts|videos|headlines|reads|links)|"
                    r"(more|also|popular|trending|latest|most read) (in|on|from|at) [\w\s.'’-]{1,30}|more|"
                    r"weitere (artikel|nachrichten|meldungen)|das könnte sie auch interessieren|à lire également|"
                    r"sur le même sujet|(artículos|noticias|notícias|matérias) relacionad[ao]s|más noticias|"
                    r"veja também|ver también|leggi anche|potrebbe interessarti)\s*:?$"),
     "heading of a list of links to other pages"),
    ("comment-counter", _rule(r"^((\d+|no)\s+)?comments?\s*(\(\d+\)|:\s*\d+)?$|^(leave|add|post|write) a (comment|reply)$|"
                              r"^(show|view|hide|load)( all)? comments?$|^(\d+\s+)?repl(y|ies)$|"
                              r"^(commentaires?|kommentare|comentarios)\s*(\(\d+\))?$"),
     "comment counter or comment-form label"),
    ("comment-counter", _rule(r"^(join|start) the (conversation|discussion|debate)\b.{0,60}$|"
                              r"^(tell us|let us know|what do you think)\b.{0,40}(think|comments?|below)\W*$|"
                              r"^.{0,300}\b(community|commenting|comment|submission|discussion) (guidelines|policy|rules)\b"
                              r".{0,300}$|^.{0,100}\bcomments? (are|will be) (moderated|reviewed|closed)\b.{0,200}$|"
                              r"^(?=.{0,400}$).*\b(comments?|comentários?|comentarios?|commentaires?|kommentare?)\b.*"
                              r"\b(moderat\w*|aprovad\w*|aprobad\w*|approuvé\w*|freigeschaltet|guidelines)\b"),
     "opening of the readers' comment section"),
    ("call-to-action", _rule(r"^(?=.{0,400}$)(?=.{0,300}\b(you|your|our|us|we)\b|(sign up|subscribe|share|get|download|follow|like|click|"
                             r"tap|support)\b).{0,300}\b(sign up (for|to)|subscribe (to|now|today|for)|share (it|this) with (a friend|friends|your)|share this (story|article|post)|"
                             r"click here|tap here|download (our|the) app|follow us|like us on|"
                             r"(get|unlock) (unlimited |full |instant |exclusive )?access to|(use|enter) the (promo |discount )?code|"
                             r"support (our|independent|quality) journalism|may (earn|receive|get) (a )?(small )?(affiliate )?"
                             r"commission|affiliate (links?|commission)|(our|email|free) newsletters?|issues for\W{0,2}\d)"
                             r"\b.{0,300}$"),
     "a line asking the reader to subscribe, share or buy"),
    ("share", _rule(r"^((share|tweet|print|email|e-mail|mail|copy link|facebook|twitter|x|whatsapp|linkedin|pinterest|"
                    r"reddit|telegram|messenger|flipboard|partager|teilen|compartir|condividi)"
                    r"( (this|the)( (article|story|post|page))?)?( (on|via|by|per) \w+)?[\s|·•,/]*)+$"),
     "share, print or e-mail button"),
    ("subscribe", _rule(r"^(subscribe|sign up|newsletter|get (our|the) .{0,40}newsletter|follow us( on .{0,40})?|"
                        r"join (us|our .{0,40})|follow [\w.]+ on\b|download (our|the) app|get the app|abonnez-vous|abonnieren|suscríbete)"
                        r"\b.{0,100}$"),
     "subscription or follow prompt"),
    ("photo-credit", _rule(r"^\(?(photo|image|picture|photograph|pic|video|graphic|illustration|credit|foto|bild)s?"
                           r"( source| credit| courtesy| by)?\s*[:：|]\s*.{1,100}$|"
                           r"^.{0,60}\b(getty images|shutterstock|ap photo|afp photo|reuters photo|epa-efe|"
                           r"anadolu agency|via getty images)\)?$"),
     "photo caption credit"),
    ("photo-credit", _rule(r"^(image|photo|picture) (copyright|caption|credit)s?\W*$|^credit\W*$"),
     "photo credit or caption label"),
    ("photographer-credit", _rule(r"^\(?(ap|afp|reuters|getty|epa|dpa|ansa|efe)( images| photo)?\s*/\s*[^/]{2,60}\)?$|"
                                  r"^(?-i:[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}\s?/\s?[A-Z][\w.'’&-]*( [\w.'’&-]+){0,4})$"),
     "photo credit (photographer / agency)"),
    ("cookie-banner", _rule(r"^.{0,200}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|"
                            r"cookie (policy|settings|preferences)|manage (your )?consent)\b.{0,200}$"),
     "cookie banner"),
    ("footer", _rule(r"^(©|\(c\)\s|(copyright|all rights reserved|terms (of|and) (use|service|conditions)|"
                     r"privacy (policy|notice)|contact us|about us|advertise with us|site ?map)\b).{0,120}$"),
     "page footer"),
    ("footer", _rule(r"^.{0,300}\b(all rights reserved|may not be (re)?(published|produced|printed|distributed)|"
                     r"tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
                     r"todos os direitos reservados|tutti i diritti riservati)\b.{0,300}$"),
     "copyright notice"),
    ("advertisement", _rule(r"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|"
                            r"publicité|anzeige|publicidad|pubblicità)$"),
     "advertising label"),
]

BYLINE = re.compile(r"^(?i:by|von|par|por|di)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
                    r"((,| and| &)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*(\s*[,|–—-]\s*.{0,60})?$")
OUTLET_WORDS = re.compile(r"\b(media|news|press|times|post|group|network|agency|journal|daily|herald|tribune|gazette|"
                          r"chronicle|broadcasting|tv|radio|wire|observer|telegraph|magazine|monitor|review|"
                          r"report|today|online|presse|zeitung|diario|noticias)\b", re.I)
# "DEIR AL-BALAH, Gaza Strip –", "WASHINGTON (AP) —", "CAIRO, Jan 31 (Reuters) -"
DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
                      r"(?:,\s+\w+\.?\s+\d{1,2})?(?:\s+\([A-Za-z. ]+\))?)\s+[–—-]{1,2}\s+(?=\S)")
GLUED_DATE = re.compile(r"^\s*(?:" + dates.DATE_LABEL + r")(?P<date>\d{4}-\d{2}-\d{2})\s+")
