"""Known boilerplate phrasings, as data: lines any news site prints around its articles, in several languages.

Each rule is (name, pattern matched against the whole normalised line, why it is boilerplate). Keep them
general: phrases that many sites use, never strings copied from one page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.clean.linescore import LINE_CACHE
from generator.clean.rules import dates
from generator.clean.rules.keywords import KeywordFilter


def _rule(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# A comment's buttons and counts ("Reply · Report abuse · 4 likes"): items joined by separators. A count is an
# item of its own and every item ends at a separator, so a line splits into items one way only (no backtracking).
_COMMENT_ACTION = (r"(\d+|reply|replies|report (abuse|comment)|like|likes|flag|upvotes?|downvotes?|cancel reply|antworten|"
                   r"melden|gefällt mir|répondre|signaler|j'aime|responder|denunciar|me gusta|curtir|rispondi|segnala|mi piace)")
_ACTION_SEPARATORS = r"[\s·|•,/▲▼↑↓()]"

# (rule name, pattern matched against the whole normalised line, why it is boilerplate)
BOILERPLATE_RULES: list[tuple[str, re.Pattern[str], str]] = [
    ("skip-link", _rule(r"^\W*(skip|jump) to (the )?(main |primary )?(content|navigation|main|menu|search|footer)\b.*$"
                        r"|^\W*(aller au contenu|passer au contenu|zum inhalt springen|(direkt )?zum (haupt)?inhalt|saltar al contenido|"
                        r"ir al contenido|pular para o conteúdo|ir para o conteúdo|vai al contenuto|salta al contenuto|"
                        r"(ga |spring )?naar (de )?(hoofd)?inhoud)(\s+\w+){0,2}\W*$"),
     "accessibility link of the page template"),
    ("search-widget", _rule(r"^(search|search for:?|search the site|search in (title|content|excerpt|posts|pages|comments)|"
                            r"generic selectors|exact matches only|post type selectors|filter by (post type|category)|"
                            r"search (results|here|\.\.\.|…)|type (your search|to search).*|press enter to search.*|"
                            r"rechercher|recherche|suche|suchen|buscar|pesquisar|cerca|zoeken)$"),
     "label of a search form"),
    ("menu-label", _rule(r"^(menu|main menu|open menu|close( menu)?|toggle navigation|navigation|back to top|"
                         r"top of page|scroll to top|sections|more sections|log ?in|sign ?in|register|my account|se connecter|"
                         r"connexion|anmelden|einloggen|iniciar sesión|entrar|acessar|accedi|inloggen|voltar ao topo|"
                         r"retour en haut|nach oben|volver arriba|torna su)$"),
     "navigation control"),
    ("promo", _rule(r"^(read more|read also|also read|"
                    r"related( articles?| stor(y|ies)| posts?| content| coverage| news| links?| reading)?|"
                    r"see also|recommended( for you| stories| articles)?|more (from|on|stories|news)( \w+)?|"
                    r"you (may|might) also like|trending( now)?|most (read|popular|viewed|shared)|editors?['’]?s? picks|"
                    r"don'?t miss|watch|listen|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|"
                    r"leer más|lee también|lea también|te puede interesar|relacionad[oa]s?|leia (também|mais)|veja também|saiba mais|"
                    r"leggi anche|leggi di più|lees ook|lees meer|auch interessant|mehr dazu|weiterlesen|"
                    r"en savoir plus|lire la suite|continue reading)"
                    r"(\s*[:：»>|–—-].*|\s*(…|\.\.\.)?)$"),
     "promotion of another page"),
    ("promo", _rule(r"^((more|other|latest|top|trending|popular|related|recommended|featured|similar)\b[\w\s'’-]{0,30}"
                    r"\b(stories|news|articles|posts|videos|headlines|reads|links)|"
                    r"(more|also|popular|trending|latest|most read) (in|on|from|at) [\w\s.'’-]{1,30}|more|"
                    r"weitere (artikel|nachrichten|meldungen)|(das|dieses thema|das thema) könnte (sie|dich|euch) auch interessieren|à lire également|"
                    r"sur le même sujet|(artículos|noticias|notícias|matérias) relacionad[ao]s|más noticias|"
                    r"veja também|ver también|leggi anche|potrebbe interessarti)\s*:?$"),
     "heading of a list of links to other pages"),
    ("promo", _rule(r"^\[\s*(related|read more|read also|see also|also read|lire aussi|à lire aussi|lesen sie auch|"
                    r"leia também|lee también|leggi anche)\b[^\]]{0,200}\]?$"),
     "a link to another page set in brackets inside the text ('[Related: ...]')"),
    ("comment-counter", _rule(r"^((\d+|no)\s+)?comments?\s*(\(\d+\)|:\s*\d+)?$|^(leave|add|post|write) a (comment|reply)$|"
                              r"^(show|view|hide|load)( all)? comments?$|^(\d+\s+)?repl(y|ies)$|"
                              r"^(\d+\s+)?(commentaires?|kommentare|comentarios|comentários|commenti|reacties)\s*(\(\d+\))?$"),
     "comment counter or comment-form label"),
    ("comment-counter", _rule(r"^(join|start) the (conversation|discussion|debate)\b.{0,60}$|"
                              r"^(tell us|let us know|what do you think)\b.{0,40}(think|comments?|below)\W*$|"
                              r"^.{0,300}\b(community|commenting|comment|submission|discussion) (guidelines|policy|rules)\b"
                              r".{0,300}$|^.{0,100}\bcomments? (are|will be) (moderated|reviewed|closed)\b.{0,200}$|"
                              r"^(?=.{0,400}$).*\b(comments?|comentários?|comentarios?|commentaires?|kommentare?)\b.*"
                              r"\b(moderat\w*|aprovad\w*|aprobad\w*|approuvé\w*|freigeschaltet|guidelines)\b"),
     "opening of the readers' comment section"),
    ("comment-meta", _rule(r"^(?=.{0,60}$)((@[\w.]+|(?-i:[A-Z][\w.'’-]*( [A-Z][\w.'’-]*){0,2}))\s*[·|•,-]?\s*)?"
                           r"(\d+|an?) ?(seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|years?|yrs?|y)"
                           r" ago( at \d{1,2}:\d{2}( ?[ap]\.?m\.?)?)?\s*[·|•]?$|"
                           r"^(?=.{0,60}$)(vor (\d+|einer?) (sekunden?|minuten?|stunden?|tag(en)?|wochen?|monat(en)?|jahr(en)?)|"
                           r"il y a (\d+|une?) (secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)|"
                           r"hace (\d+|una?) (segundos?|minutos?|horas?|días?|semanas?|mes(es)?|años?)|"
                           r"há (\d+|uma?) (segundos?|minutos?|horas?|dias?|semanas?|mes(es)?|anos?)|"
                           r"(\d+|una?) (secondi|minuti|ore|giorni|settimane|mesi|anni) fa)\W*$"),
     "a reader comment's posting time ('3 hours ago', 'vor 2 Stunden', 'il y a 3 heures')"),
    ("comment-actions", _rule(r"^(?=.{0,80}$)(?=(?-i:[A-Z\d]))(?=.*[^\W\d])" + _COMMENT_ACTION + r"(" + _ACTION_SEPARATORS + r"+"
                              + _COMMENT_ACTION + r")*" + _ACTION_SEPARATORS + r"*$"),
     "the buttons under a reader comment (reply, report, like, votes)"),
    ("comment-form", _rule(r"^.{0,100}\b(your email address will not be published|required fields are marked|"
                           r"save my name, email,? and website|notify me of (new|follow-up) (posts|comments|replies)|"
                           r"you must be (logged|signed) in to (post|leave|write) a comment|(log|sign) in to (comment|reply)|"
                           r"(ihre|deine) e-?mail-adresse wird nicht veröffentlicht|erforderliche felder sind mit|"
                           r"(votre|ton) adresse (e-mail|email|de messagerie) ne sera pas publiée|les champs obligatoires sont|"
                           r"tu (dirección de )?correo electrónico no será publicad[ao]|los campos obligatorios están|"
                           r"o seu endereço de e-?mail não será publicado|campos obrigatórios são marcados|"
                           r"il tuo indirizzo email non sarà pubblicato|i campi obbligatori sono)\b.{0,200}$"),
     "the form readers comment with"),
    ("call-to-action", _rule(r"^(?=.{0,400}$)(?=.{0,300}\b(you|your|our|us|we)\b|(sign up|subscribe|share|get|download|follow|like|click|"
                             r"tap|support)\b).{0,300}\b(sign up (for|to)|subscribe (to|now|today|for)|share (it|this) with (a friend|friends|your)|share this (story|article|post)|"
                             r"click here|tap here|download (our|the) app|follow us|like us on|"
                             r"(get|unlock) (unlimited |full |instant |exclusive )?access to|(use|enter) the (promo |discount )?code|"
                             r"support (our|independent|quality) journalism|may (earn|receive|get) (a )?(small )?(affiliate )?"
                             r"commission|affiliate (links?|commission)|(our|email|free) newsletters?|issues for\W{0,2}\d+)"
                             r"\b.{0,300}$"),
     "a line asking the reader to subscribe, share or buy"),
    ("call-to-action", _rule(r"^.{0,200}\b(by clicking here|en cliquant ici|haciendo clic aquí|clicando aqui|"
                             r"indem sie hier klicken)\W*$"),
     "a line that ends asking the reader to click through"),
    ("call-to-action", _rule(r"^(?=.{0,300}$)((click|tap) (here|on (the|this) (image|photo|picture|banner|link)s?)|"
                             r"clique (aqui|na (imagem|foto)|no (link|banner))|(haga|haz) clic (aquí|en (la imagen|la foto|"
                             r"el enlace))|cliquez (ici|sur (l['’]image|la photo|le lien))|klicken sie (hier|auf (das bild|"
                             r"den link))|clicca (qui|sull['’]immagine|sulla foto|sul link))\b.*$"),
     "a line that opens asking the reader to click through"),
    ("feedback-pitch", _rule(r"^(?![\"“‘'«„])(?=.{0,300}$).{0,150}\b((we['’]?d|we would) (like|love) to hear (what you think|from you|"
                             r"your (thoughts|views))|schreiben sie uns (ihre meinung|einen leserbrief)|"
                             r"donnez-nous votre avis|(danos|dinos) tu opinión|deixe sua opinião|dicci la tua)\b.{0,200}$"),
     "the page asking readers to write in"),
    ("share", _rule(r"^((share|tweet|print|email|e-mail|mail|copy link|facebook|twitter|x|whatsapp|linkedin|pinterest|"
                    r"reddit|telegram|messenger|flipboard|partager|teilen|compartir|compartilhar|compartilhe|partilhar|condividi|"
                    r"delen)"
                    r"( (this|the)( (article|story|post|page))?)?( (on|via|by|per|sur|auf|en|em|no|na|su|op) (facebook|twitter|x|whatsapp|"
                    r"linkedin|pinterest|reddit|telegram|messenger|flipboard|e-?mail|mail))?[\s|·•,/:]*)+$"),
     "share, print or e-mail button"),
    ("subscribe", _rule(r"^(subscribe|sign up|newsletter|get (our|the) .{0,40}newsletter|follow us( on .{0,40})?|"
                        r"join (us|our .{0,40})|follow [\w.]+ on\b|download (our|the) app|get the app|abonnez-vous|"
                        r"abonnieren|suscríbete|"
                        r"follow( [\w.@&'’-]+){1,4} on (twitter|facebook|instagram|linkedin|tiktok|youtube|threads|x)\b|"
                        r"(folge|folgt|folgen sie) uns|suivez-nous|síguenos|sígannos|siga-nos|sigam-nos|seguici|seguiteci|"
                        r"volg ons)\b.{0,100}$|"
                        r"^(s['’]abonner|jetzt abonnieren|suscribirse|assine( já)?|abbonati|abonneer)\W*$|"
                        r"^(?=(\S+\s+){0,4}\S+$)(?!.*[.?]$).*\bnewsletters?\b.*$"),
     "subscription or follow prompt"),
    ("newsletter-pitch", _rule(r"^(?=.{0,300}$).{0,120}\b((sign up|subscribe|register) (for|to) (our|the|my)\b.{0,40}\bnewsletters?|"
                               r"delivered (straight |directly |right )?to your inbox|"
                               r"(inscrivez|abonnez)-vous à (notre|la) newsletter|"
                               r"(melden sie sich|registrieren sie sich) (für|zu) (unseren|den) newsletter|"
                               r"abonnieren sie (unseren|den)\b.{0,30}newsletter|"
                               r"(suscríbete|suscribite|regístrate|apúntate) (a|en) (nuestro|nuestra|el|la) "
                               r"(boletín|newsletter)|"
                               r"(inscreva-se|assine|cadastre-se) (na|a|em) (nossa )?newsletter|"
                               r"iscriviti alla (nostra )?newsletter)\b.{0,200}$"),
     "a newsletter pitch written as a sentence"),
    ("support-pitch", _rule(r"^(?=.{0,400}$)(if you (value|like|enjoy|appreciate|rely on) (our|this|what we|the work)\b|"
                            r"(please )?(consider )?(become|becoming) a (paying )?(member|supporter|subscriber|patron)\b|"
                            r"please (consider )?(supporting|support us|donating|donate|making a (donation|contribution))|"
                            r"(donate|give|contribute) (now|today)\W*$|support us\W*$|"
                            r".{0,200}\b(make a (one-off |one-time |monthly |small )?(donation|contribution) (today|now)\b|"
                            r"unterstützen sie (unseren|unsere|unabhängigen|den) (journalismus|arbeit|redaktion)|jetzt spenden|"
                            r"soutenez (notre|une|le) (journalisme|rédaction|média|travail)|faites un don|"
                            r"(apoya|apoye|apóyanos) (el|al|nuestro) periodismo|haz una donación|"
                            r"apoie o (nosso )?jornalismo|faça uma doação|sostieni (il nostro |il )?giornalismo|"
                            r"fai una donazione))"),
     "a pitch asking the reader to donate or become a member"),
    ("app-download", _rule(r"^.{0,200}\b(get it on google play|(download|available) on the app store|"
                           r"laden sie (unsere|die) app|téléchargez (notre |l')appli(cation)?|descarga (nuestra|la) app|"
                           r"baixe (o nosso |o |nosso )?app(licativo)?|scarica (la nostra |l')app)\b.{0,200}$"),
     "a pitch for the site's phone app"),
    ("photo-credit", _rule(r"^\(?(photo|image|picture|photograph|pic|video|graphic|illustration|credit|foto|bild|фото)s?"
                           r"( source| credit| courtesy| by)?\s*[:：|]\s*.{1,100}$|"
                           r"^(photo|image|picture|photograph|foto|bild)s?\s+(by|courtesy of|von)\s+(?-i:[A-ZÀ-Þ])[^.!?]{1,80}$|"
                           r"^.{0,60}\b(getty images|shutterstock|ap photo|afp photo|reuters photo|epa-efe|"
                           r"anadolu agency|via getty images|istock(photo)?|unsplash|pixabay|pexels|adobe ?stock|"
                           r"depositphotos|imago( images)?|picture[- ]alliance)(\.com)?\)?$"),
     "photo caption credit"),
    ("photo-credit", _rule(r"^(image|photo|picture) (copyright|caption|credit)s?\W*$|^credit\W*$"),
     "photo credit or caption label"),
    ("caption-credit", _rule(r"^(?=.{0,400}$).{10,}?(\s\((ap|afp|reuters|epa|getty images)( photo)?/[^()/]{2,60}\)|"
                             r"\s\((photo|image|picture|foto|photograph)s?( by|:)\s*[^()]{2,80}\)|"
                             r"\s\([^()/]{2,60}/\s?(ap|afp|reuters|getty images|epa|dpa|ansa|efe|bloomberg|xinhua|anadolu)\)|"
                             r"[.!?”\"’]\s+(?-i:(REUTERS|AFP|EPA|AP)/[A-Z][\w'’-]+( [A-Z][\w'’.-]+){0,3})|"
                             r"[.!?”\"’]\s*(\|\s*)?(photo|image|picture|photograph|foto|credit|bild|imagem)s?( by| credit)?"
                             r"\s*:\s*[^.!?]{2,100}|"
                             r"\s[|/]\s?(©|\(c\))\s?[^\W\d_][^©.!?|]{1,60}|\s(©|\(c\))\s?[^\W\d_][^©.!?/|]{0,40}/\s?[^\W\d_][^©.!?/|]{0,40})$"),
     "photo caption ending in its credit"),
    ("page-control", _rule(r"^(continue reading( the main story| below)?|(the )?(article|story) continues (below|after "
                           r"(the )?(advertisement|ad))|scroll (down )?to continue( with content| reading)?|"
                           r"read (the )?(full|whole|entire) (article|story)|click to (expand|enlarge)|show (more|less)|"
                           r"see more|read less|save|saved|back to (the )?(gallery|article|story|overview|list)|"
                           r"zurück zu(r|m) (übersicht|artikel|galerie)|retour (à la liste|à l['’]article|à la galerie)|"
                           r"volver (al artículo|a la galería)|torna all['’]articolo|voltar (ao artigo|à galeria)|bookmark|follow|unfollow|image|gift this article|give this article|"
                           r"send any friend a story|share full article|read in app|supported by|"
                           r"report an? (error|typo|correction)|topics|tags|categories|filed under|posted in|"
                           r"mehr anzeigen|weniger anzeigen|voir plus|afficher plus|ver más|mostrar más|ver mais|leggi tutto|"
                           r"mostra di più|promoted|paid post|partner content|advertisement\W+scroll to continue|"
                           r"view this post on (instagram|facebook|twitter|x|tiktok)|vote|view results|buy now|check price|"
                           r"table of contents|contents|jump to( section)?|pin( it)?|link copied|copied|"
                           r"text size|a a a|aa|enter your e-?mail( address)?|e-?mail address|submit|terms|invalid e-?mail"
                           r"( address)?|thank you for (signing up|subscribing)|next|previous|prev|page \d+ of \d+|"
                           r"(\d+ ){2,}next|(next|previous) (article|story|post|page))\W*$"),
     "a control of the page (continue reading, expand, save, follow) or the label of its topic links"),
    ("call-to-action", _rule(r"^(got|have) an? (news )?(tips?|story (idea|tip)s?)\b.{0,150}$"),
     "a line asking readers for news tips"),
    ("page-control", _rule(r"^(tags|tagged( with)?|filed under|posted in|schlagworte|schlagwörter|mots-clés|etiquetas|"
                           r"tag)\s*:\s*.{1,200}$"),
     "the article's topic links"),
    ("media-player", _rule(r"^((listen to|hear) (this|the) (article|story)|écouter (cet|l['’]) ?article|artikel (an)?hören|"
                           r"escuchar (este artículo|la noticia)|ouvir (esta matéria|este artigo|a notícia)|ascolta l['’]articolo|"
                           r"(video|audio|media) (player )?(is )?loading|now playing|(play|watch) (the )?video|"
                           r"your browser does not support (the )?(video|audio|html5 video)( tag| element| player)?|"
                           r"(loading|cargando|carregando|chargement|caricamento|wird geladen)( video| the video)?\W*|"
                           r"\d+ (min|mins|minutes?)( read| listen)?|(min|mins|minutes?) (read|listen)|(estimated )?reading time:? .{1,20}|lesezeit:? .{1,20}|"
                           r"temps de lecture:? .{1,20}|tiempo de lectura:? .{1,20}|tempo de leitura:? .{1,20}|"
                           r"tempo di lettura:? .{1,20}|duration:? \d{1,2}:\d{2}|\d{1,2}:\d{2})\W*$"),
     "audio or video player, or reading time"),
    ("gallery-control", _rule(r"^((hide|show|toggle|close|open) (the )?captions?|enlarge (this )?(image|photo)|"
                              r"(photo|image|picture|slide|foto|bild|imagem|imagen)\s*\d{1,3}\s*(of|/|von|de|sur|di|van)\s*"
                              r"\d{1,3}|\d{1,3} of \d{1,3}|(view|see|open|launch) (the )?(gallery|slideshow|slide show)( \(\d+\))?|"
                              r"\d+ (photos|images|pictures|fotos|bilder))$"),
     "control or counter of a photo gallery"),
    ("photographer-credit", _rule(r"^\(?(ap|afp|reuters|getty|epa|dpa|ansa|efe)( images| photo)?\s*/\s*[^/]{2,60}\)?$|"
                                  r"^(?-i:[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}\s?/\s?[A-Z][\w.'’&-]*( [\w.'’&-]+){0,4})$"),
     "photo credit (photographer / agency)"),
    ("cookie-banner", _rule(r"^.{0,200}\b(we use cookies|this (web)?site uses cookies|accept (all )?cookies|"
                            r"cookie (policy|settings|preferences)|manage (your )?consent)\b.{0,200}$"),
     "cookie banner"),
    ("cookie-banner", _rule(r"^.{0,200}\b(by (continuing to (browse|use)|using) (this|our) (site|website|service)\b.{0,80}"
                            r"\b(agree|accept|consent)|(consent|agree) to (our |the )?use of cookies|"
                            r"(we|nous) (and|et) (our|nos) (\d+ )?(partners|vendors|partenaires)\b.{0,60}\b(store|access|use|"
                            r"process|stockons|utilisons)|store and(/or)? access information on (a|your) device|"
                            r"(nous utilisons|ce site utilise) (des )?cookies|en poursuivant (votre )?navigation (sur|de) (ce|le|notre)|"
                            r"(wir verwenden|wir nutzen|diese (web)?seite (verwendet|nutzt)) cookies|"
                            r"(utilizamos|usamos|este (sitio|site) (web )?(utiliza|usa)) (las |os )?cookies|"
                            r"(utilizziamo|usiamo|questo sito (utilizza|usa)) (i )?cookie)\b.{0,300}$"),
     "cookie or consent notice written as a sentence"),
    ("browser-notice", _rule(r"^.{0,100}\b(you are using (an? )?(outdated|old|older|unsupported) "
                             r"(version of (your )?)?(web )?browser|"
                             r"you are using a browser( version)? (that|which|with)\b.{0,40}\b(limited support|"
                             r"not supported|no longer supported|outdated)|"
                             r"your (web )?browser is (out of date|outdated|not supported|no longer supported|too old)|"
                             r"ihr browser (ist|wird) (veraltet|nicht (mehr )?unterstützt)|"
                             r"sie (verwenden|nutzen) einen (veralteten|alten|nicht unterstützten) browser|"
                             r"votre navigateur (est obsolète|n['’]est (plus|pas) (à jour|supporté|pris en charge))|"
                             r"su navegador (está desactualizado|no es compatible)|"
                             r"seu navegador (está desatualizado|não é compatível)|"
                             r"il tuo browser (non è aggiornato|non è supportato))\b.{0,300}$|"
                             r"^(please )?(upgrade|update) your (web )?browser\b.{0,200}$"),
     "a notice that the reader's browser is out of date"),
    ("footer", _rule(r"^(©|\(c\)\s|(copyright|all rights reserved|terms (of|and) (use|service|conditions)|"
                     r"privacy (policy|notice)|contact us|about us|advertise with us|site ?map)\b).{0,120}$"),
     "page footer"),
    ("footer", _rule(r"^.{0,300}\b(all rights reserved|may not be (re)?(published|produced|printed|distributed)|"
                     r"tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|"
                     r"todos os direitos reservados|tutti i diritti riservati|alle rechten voorbehouden|"
                     r"wszelkie prawa zastrzeżone|všechna práva vyhrazena|alla rättigheter förbehållna|"
                     r"все права защищены|tüm hakları saklıdır|جميع الحقوق محفوظة|כל הזכויות שמורות)\b.{0,300}$"),
     "copyright notice"),
    ("footer", _rule(r"^.{0,300}\b(without (the )?(prior |express )?(written )?(permission|consent) of (the )?(publisher|copyright)|"
                     r"use of this (site|website) constitutes acceptance|reproduc\w*\b.{0,100}\bwithout (the )?(prior |express )?"
                     r"(written )?(permission|consent|authori[sz]ation)|reproduction interdite|nachdruck (nur|ist nur|verboten)|"
                     r"vervielfältigung\b.{0,60}\b(untersagt|nicht gestattet|nur mit)|prohibida (la|su) reproducción|"
                     r"proibida a reprodução|riproduzione (riservata|vietata)|vietata la riproduzione)\b.{0,300}$"),
     "rights notice written as a sentence"),
    ("markup", _rule(r"^(<|&lt;)/?[a-z][\w-]*(\s+[\w:-]+\s*=\s*(\"|'|&quot;|“|”)[^<>]*)?/?(>|&gt;).*$|"
                     r"^\[[a-z][\w-]*\s+[\w-]+\s*=.*\]$"),
     "HTML tag or shortcode the page's editor left in its text"),
    ("reporting-credit", _rule(r"^(?-i:[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}((, | and | & )[A-Z][\w.'’-]+"
                               r"( [A-Z][\w.'’-]+){0,3}){0,5}),? contributed (reporting|research)( and (reporting|research))?"
                               r"( from [\w ,.'’-]{1,60})?\.?$"),
     "the closing credit of the newsroom's other reporters, below the article"),
    ("byline-label", _rule(r"^(text|texte|testo|texto|tekst|текст|words|author|autor|autorin|auteur|autore|"
                           r"reportagem|redacción|redação)\s*:\s*"
                           r"(?-i:[A-ZÀ-ÞА-ЯЁ][\w.'’-]+( [A-ZÀ-ÞА-ЯЁ][\w.'’-]+){1,3}((, | and | und | et | y | e | и )"
                           r"[A-ZÀ-ÞА-ЯЁ][\w.'’-]+( [A-ZÀ-ÞА-ЯЁ][\w.'’-]+){1,3})?)$"),
     "the writer's name under a 'Text:' label, a byline"),
    ("advertisement", _rule(r"^(advertisement|advertising|advert|sponsored( content)?|ad|"
                            r"story continues below( advertisement)?|publicité|anzeige|werbung|publicidad|publicidade|pubblicità|"
                            r"advertentie|sponsorisé|gesponsert|patrocinado|conteúdo patrocinado|contenido patrocinado|"
                            r"contenuto sponsorizzato|la suite après (cette )?(la )?publicité|weiter nach der anzeige|"
                            r"continua (depois|após) (da|a) publicidade|continúa después de la publicidad|"
                            r"l['’]articolo continua (dopo|sotto) la pubblicità|реклама)$"),
     "advertising label"),
]

BYLINE = re.compile(r"^(?i:by|von|par|por|di)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
                    r"((,| and| &)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*(\s*[,|–—-]\s*.{0,60})?$")
OUTLET_WORDS = re.compile(r"\b(media|news|press|times|post|group|network|agency|journal|daily|herald|tribune|gazette|"
                          r"chronicle|broadcasting|tv|radio|wire|observer|telegraph|magazine|monitor|review|"
                          r"report|today|online|presse|zeitung|diario|noticias|courier|standard|guardian|independent|"
                          r"mirror|express|mail|bulletin|dispatch|sentinel|examiner|inquirer|enquirer|globe|register|"
                          r"courant|recorder|star|sun|weekly|insider|reporter|jornal|giornale|corriere|gazzetta|"
                          r"nachrichten|rundschau|allgemeine|kurier|tageblatt|krant|dagblad|nieuws)\b", re.I)
# "DEIR AL-BALAH, Gaza Strip –", "WASHINGTON (AP) —", "CAIRO, Jan 31 (Reuters) -"
DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
                      r"(?:,\s+\w+\.?\s+\d{1,2})?(?:\s+\([A-Za-z. ]+\))?)\s+[–—-]{1,2}\s+(?=\S)")
GLUED_DATE = re.compile(r"^\s*(?:" + dates.DATE_LABEL + r")(?P<date>\d{4}-\d{2}-\d{2})\s+")


# A cheap test before each rule's regex (clean/rules/keywords.py): a line that holds none of a rule's keywords cannot match it.
_FILTER = KeywordFilter([pattern for _, pattern, _ in BOILERPLATE_RULES])
RULE_KEYWORDS = _FILTER.keywords
ALL_KEYWORDS = _FILTER.all_keywords
KEYWORD_FINDER = _FILTER.finder


@lru_cache(maxsize=LINE_CACHE)
def phrase_rule(line: str) -> tuple[str, str] | None:
    """The first phrase rule that matches the line (stripped of the separators menus print), as (name, why).
    Cached: boilerplate lines recur across an archive's articles, and every kept line in the second pass."""
    stripped = line.strip("/|·•>»« ")
    present = _FILTER.present(stripped)
    for (name, pattern, why), keywords in zip(BOILERPLATE_RULES, RULE_KEYWORDS):
        if keywords is not None and present.isdisjoint(keywords):
            continue  # no match can lack all the keywords
        if pattern.match(stripped):
            return name, why
    return None
