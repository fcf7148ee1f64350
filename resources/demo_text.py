"""The words of the content library's demo: the handbook and the webinars.

Facts from the seed documents (shared/seeds); organisations are named, private
persons are not. Organisation names are proper names and stay in Latvian.
"""

from home.demo import LATVIAN_PARTNERSHIPS

HANDBOOK_TOPICS = ["partnerships", "local-strategy"]

MEMORANDUM_TEMPLATE = {
    "lv": {
        "title": "Sadarbības nodomu protokola paraugs",
        "filename": "nodomu-protokola-paraugs.txt",
        "body": (
            "SADARBĪBAS NODOMU PROTOKOLS\n\n"
            "Puses: [bibliotēka], [pašvaldība vai tās iestāde], [integrācijas "
            "iestāde].\n\n"
            "1. Mērķis: kopīgi atbalstīt cilvēku ar migrācijas pieredzi iekļaušanos "
            "vietējā kopienā, izmantojot bibliotēkas pakalpojumus.\n"
            "2. Katras puses ieguldījums: [telpas, informācija, kontakti, "
            "speciālisti].\n"
            "3. Kopīgie darbi: vietējā diagnostika, hakatons, vietējā stratēģija.\n"
            "4. Saziņa: [cik bieži tiekamies, kā dalāmies informācijā].\n"
            "5. Termiņš: [no] – [līdz].\n\n"
            "Vieta, datums. Pušu pārstāvju paraksti.\n"
        ),
    },
    "en": {
        "title": "Memorandum of intent template",
        "filename": "memorandum-of-intent-template.txt",
        "body": (
            "MEMORANDUM OF INTENT TO COOPERATE\n\n"
            "Parties: [library], [municipality or its institution], [integration "
            "institution].\n\n"
            "1. Aim: to support together the inclusion of people with migration "
            "experience in the local community through library services.\n"
            "2. What each party brings: [premises, information, contacts, "
            "specialists].\n"
            "3. Joint work: local diagnostics, a hackathon, a local strategy.\n"
            "4. Communication: [how often we meet, how we share information].\n"
            "5. Term: [from] – [to].\n\n"
            "Place, date. Signatures of the parties' representatives.\n"
        ),
    },
}

HANDBOOK = {
    "lv": {
        "title": "Partnerības rokasgrāmata",
        "slug": "rokasgramata",
        "summary": (
            "Kā izveidot vietējo partnerību un kopīgi izstrādāt vietējo stratēģiju "
            "cilvēku ar migrācijas pieredzi integrācijai? Praktiski padomi un "
            "Latvijas pieredzes stāsti no projekta LIBRI."
        ),
        "body": [
            (
                "paragraph",
                "<p>Rokasgrāmata seko projekta LIBRI ceļam: no jautājuma, kāpēc "
                "tieši bibliotēka, līdz partnerībai, vietējai diagnostikai, "
                "stratēģijai un hakatoniem. Katrā nodaļā ir praktiski padomi, "
                "kontrolsaraksti un pieredzes stāsti no desmit Latvijas "
                "partnerībām.</p>",
            ),
        ],
    },
    "en": {
        "title": "Partnership handbook",
        "slug": "handbook",
        "summary": (
            "How to build a local partnership and co-develop a local strategy for "
            "integrating people with migration experience: practical tips and "
            "stories of Latvian experience from the LIBRI project."
        ),
        "body": [
            (
                "paragraph",
                "<p>The handbook follows the path of the LIBRI project: from the "
                "question of why the library, to the partnership, local "
                "diagnostics, the strategy and hackathons. Each chapter has "
                "practical tips, checklists and stories of experience from the ten "
                "Latvian partnerships.</p>",
            ),
        ],
    },
}


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def p(html):
    return ("paragraph", html)


def tip(title, html):
    return ("tip", {"title": title, "text": html})


def checklist(title, items):
    return ("checklist", {"title": title, "items": items})


def story(title, country, library, html):
    return (
        "story",
        {"title": title, "country": country, "library": library, "story": html},
    )


def partnership_list(joiner):
    items = "".join(
        f"<li>{library}, {municipality} {joiner} {institution}</li>"
        for library, municipality, institution in LATVIAN_PARTNERSHIPS
    )
    return f"<ol>{items}</ol>"


# Reading order: (chapter, parent chapter or None for the book).
CHAPTER_ORDER = [
    ("handbook-why-library", None),
    ("handbook-partnership", None),
    ("handbook-partnership-agreement", "handbook-partnership"),
    ("handbook-diagnostics-strategy", None),
    ("handbook-hackathons", None),
]

CHAPTERS = {
    "handbook-why-library": {
        "topics": ["access-to-information", "language-culture"],
        "lv": {
            "title": "Kāpēc bibliotēka",
            "slug": "kapec-biblioteka",
            "summary": "Bibliotēka kā vide integrācijai: atvērta visiem un bez maksas.",
            "body": [
                h2("Bibliotēka kā vide integrācijai"),
                p(
                    "<p>Bibliotēka ir telpa, kas palīdz pārvarēt valodas barjeras, "
                    "kultūras un sociālo izolāciju. Tās pakalpojumi – krājumi, "
                    "e-resursi un pasākumi – ir vienlīdz pieejami gan vietējiem "
                    "iedzīvotājiem, gan trešo valstu pilsoņiem.</p>"
                ),
                h3("Ko bibliotēka jau piedāvā"),
                p(
                    "<ul><li>Grāmatas un e-resursus dažādās valodās.</li>"
                    "<li>Datorus, internetu un palīdzību to lietošanā.</li>"
                    "<li>Pasākumus, kuros satiekas vietējie iedzīvotāji un "
                    "jaunpienācēji.</li>"
                    "<li>Uzticamu informāciju par iestādēm, veselību, izglītību un "
                    "finansēm.</li></ul>"
                ),
                h2("Projekta LIBRI mērķis"),
                p(
                    "<p>Projekts LIBRI (2024. gada maijs – 2026. gada maijs) palīdz "
                    "bibliotēkām nodrošināt trešo valstu pilsoņu piekļuvi "
                    "pielāgotiem resursiem un pakalpojumiem un veicina vietējās "
                    "stratēģijas un partnerības, kas atbalsta integrāciju.</p>"
                ),
                tip(
                    "Sāciet ar to, kas jau ir",
                    "<p>Pirms plānojat jaunus pakalpojumus, pārskatiet, ko "
                    "bibliotēka jau dara: valodu kursi, datorapmācība, bērnu "
                    "pasākumi. Bieži pietiek tos padarīt zināmus un pieejamus "
                    "jaunpienācējiem.</p>",
                ),
            ],
        },
        "en": {
            "title": "Why the library",
            "slug": "why-the-library",
            "summary": "The library as a space for integration: open to all, free.",
            "body": [
                h2("The library as a space for integration"),
                p(
                    "<p>The library is a place that helps people overcome language "
                    "barriers and cultural and social isolation. Its services – "
                    "collections, e-resources and events – are equally open to local "
                    "residents and to third-country nationals.</p>"
                ),
                h3("What the library already offers"),
                p(
                    "<ul><li>Books and e-resources in several languages.</li>"
                    "<li>Computers, internet access and help using them.</li>"
                    "<li>Events where local residents and newcomers meet.</li>"
                    "<li>Reliable information about institutions, health, education "
                    "and finance.</li></ul>"
                ),
                h2("What LIBRI sets out to do"),
                p(
                    "<p>LIBRI (May 2024 to May 2026) helps libraries give "
                    "third-country nationals access to adapted resources and "
                    "services, and grows local strategies and partnerships that "
                    "support integration.</p>"
                ),
                tip(
                    "Start with what you have",
                    "<p>Before planning new services, look at what the library "
                    "already does: language courses, computer training, children's "
                    "events. Often it is enough to make them known and accessible to "
                    "newcomers.</p>",
                ),
            ],
        },
    },
    "handbook-partnership": {
        "topics": ["partnerships"],
        "lv": {
            "title": "Partnerības veidošana",
            "slug": "partneribas-veidosana",
            "summary": "Bibliotēka, pašvaldība un integrācijas iestāde: trīs puses.",
            "body": [
                h2("Trīs partnerības dalībnieki"),
                p(
                    "<p>Katrā vietējā partnerībā ir trīs dalībnieki: bibliotēka, "
                    "pašvaldība (vai tās sociālais dienests vai kultūras pārvalde) "
                    "un integrācijas iestāde – nevalstiska organizācija vai valsts "
                    "iestāde. Bibliotēka sniedz telpu un pakalpojumus, pašvaldība – "
                    "zināšanas par vietējo situāciju un atbalstu, integrācijas "
                    "iestāde – pieredzi darbā ar cilvēkiem ar migrācijas "
                    "pieredzi.</p>"
                ),
                h2("Desmit partnerības Latvijā"),
                p(partnership_list("un")),
                checklist(
                    "Pirms pirmās partnerības sanāksmes",
                    [
                        "Noskaidrojiet, kura pašvaldības iestāde strādā ar "
                        "jaunpienācējiem.",
                        "Atrodiet integrācijas iestādi, kas darbojas jūsu novadā.",
                        "Sagatavojiet īsu pārskatu par bibliotēkas pakalpojumiem.",
                        "Vienojieties par kopīgu mērķi vienā teikumā.",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Building the partnership",
            "slug": "building-the-partnership",
            "summary": (
                "A library, a municipality and an integration institution: three "
                "partners."
            ),
            "body": [
                h2("The three partners"),
                p(
                    "<p>Every local partnership has three members: a library, a "
                    "municipality (or its social service or culture department) and "
                    "an integration institution – an NGO or a public body. The "
                    "library brings a space and its services, the municipality "
                    "knowledge of the local situation and support, the integration "
                    "institution its experience of working with people with "
                    "migration experience.</p>"
                ),
                h2("Ten partnerships in Latvia"),
                p(partnership_list("and")),
                checklist(
                    "Before the partnership's first meeting",
                    [
                        "Find out which municipal institution works with newcomers.",
                        "Find an integration institution active in your area.",
                        "Prepare a short overview of the library's services.",
                        "Agree on a shared aim in one sentence.",
                    ],
                ),
            ],
        },
    },
    "handbook-partnership-agreement": {
        "topics": ["partnerships"],
        "lv": {
            "title": "Vienošanās par sadarbību",
            "slug": "vienosanas-par-sadarbibu",
            "summary": "Nodomu protokols padara partnerību redzamu un saistošu.",
            "body": [
                p(
                    "<p>Rakstiska vienošanās palīdz partneriem saprast, ko katrs "
                    "dara, un parāda sadarbību arī citiem – iedzīvotājiem, "
                    "pašvaldības vadībai un sadarbības partneriem.</p>"
                ),
                story(
                    "Sigulda paraksta nodomu protokolu",
                    "Latvija",
                    "Siguldas novada bibliotēka",
                    "<p>21. februārī Siguldas novada bibliotēka, Siguldas novada "
                    "Sociālais dienests un biedrība “r.a. Siltumnīca” parakstīja "
                    "nodomu protokolu par sadarbību projektā LIBRI. Partnerība "
                    "sadarbojas arī ar Sabiedrības integrācijas fonda Vidzemes "
                    "vienas pieturas aģentūru.</p>",
                ),
                h2("Ko ierakstīt vienošanās tekstā"),
                p(
                    "<ul><li>Kopīgo mērķi.</li><li>Katras puses ieguldījumu.</li>"
                    "<li>Kopīgos darbus: diagnostiku, hakatonu, stratēģiju.</li>"
                    "<li>Kā un cik bieži partneri sazinās.</li></ul>"
                ),
                (
                    "template_download",
                    {
                        "label": "Sadarbības nodomu protokola paraugs",
                        "description": "Teksta paraugs, ko pielāgot savai partnerībai.",
                    },
                ),
            ],
        },
        "en": {
            "title": "Agreeing to work together",
            "slug": "agreeing-to-work-together",
            "summary": "A memorandum of intent makes the partnership visible.",
            "body": [
                p(
                    "<p>A written agreement helps the partners understand what each "
                    "of them does, and shows the cooperation to others: residents, "
                    "the municipality's leadership and other partners.</p>"
                ),
                story(
                    "Sigulda signs a memorandum of intent",
                    "Latvia",
                    "Siguldas novada bibliotēka",
                    "<p>On 21 February, Siguldas novada bibliotēka, Siguldas novada "
                    "Sociālais dienests (the social service) and the association "
                    "“r.a. Siltumnīca” signed a memorandum of intent to cooperate "
                    "in LIBRI. The partnership also works with the Vidzeme one-stop "
                    "agency of the Society Integration Foundation.</p>",
                ),
                h2("What to put in the agreement"),
                p(
                    "<ul><li>The shared aim.</li><li>What each party brings.</li>"
                    "<li>The joint work: diagnostics, a hackathon, a strategy.</li>"
                    "<li>How and how often the partners keep in touch.</li></ul>"
                ),
                (
                    "template_download",
                    {
                        "label": "Memorandum of intent template",
                        "description": "A sample text to adapt to your partnership.",
                    },
                ),
            ],
        },
    },
    "handbook-diagnostics-strategy": {
        "topics": ["local-diagnostics", "local-strategy"],
        "lv": {
            "title": "Vietējā diagnostika un stratēģija",
            "slug": "vieteja-diagnostika-un-strategija",
            "summary": "Vispirms izpētīt vietējo situāciju, tad kopā izstrādāt plānu.",
            "body": [
                h2("Vietējā diagnostika"),
                p(
                    "<p>Diagnostika sākas ar vietējo mobilitātes pasākumu, kurā "
                    "partneri iepazīstas un vienojas par darbu. Tad seko datu ieguve "
                    "– intervijas, mērķgrupu sarunas un citas metodes. Rezultāts ir "
                    "diagnostikas pārskats, kas balstīts uz vietējās situācijas "
                    "izpēti.</p>"
                ),
                tip(
                    "Runājiet ar cilvēkiem, ne tikai par viņiem",
                    "<p>Aiciniet uz mērķgrupu sarunām arī pašus cilvēkus ar "
                    "migrācijas pieredzi. Ja vajag, nodrošiniet tulku un izvēlieties "
                    "laiku, kas der strādājošiem un vecākiem ar bērniem.</p>",
                ),
                h2("Vietējās stratēģijas izstrāde"),
                p(
                    "<p>Stratēģija balstās uz diagnostiku un vietējās kopienas "
                    "īpatnībām. Partnerība kopīgi nosaka problēmas hakatonā un "
                    "izvēlas stratēģiskos mērķus, piemēram, valodas un "
                    "kultūrpratību, digitālās prasmes, informācijas pieejamību un "
                    "kopienas iesaisti.</p>"
                ),
                h3("Mācības katram posmam"),
                p(
                    "<p>Katram projekta posmam ir mācību modulis, klātienē un "
                    "tiešsaistē. Visu Latvijas partneru mācību sanāksme notika 2025. "
                    "gada 27. maijā Ogres Centrālajā bibliotēkā.</p>"
                ),
            ],
        },
        "en": {
            "title": "Local diagnostics and strategy",
            "slug": "local-diagnostics-and-strategy",
            "summary": "First study the local situation, then plan together.",
            "body": [
                h2("Local diagnostics"),
                p(
                    "<p>Diagnostics begin with a local mobility event, where the "
                    "partners get to know each other and agree on the work. Data "
                    "collection follows: interviews, focus groups and other methods. "
                    "The result is a diagnostic report based on research into the "
                    "local situation.</p>"
                ),
                tip(
                    "Talk with people, not only about them",
                    "<p>Invite people with migration experience to the focus groups "
                    "too. Arrange an interpreter where needed, and choose a time that "
                    "suits working people and parents with children.</p>",
                ),
                h2("Developing the local strategy"),
                p(
                    "<p>The strategy builds on the diagnostics and on the local "
                    "community's specifics. The partnership identifies the problems "
                    "together at a hackathon and chooses strategic goals, such as "
                    "language and cultural literacy, digital skills, access to "
                    "information and community engagement.</p>"
                ),
                h3("Training for each stage"),
                p(
                    "<p>Each project stage has a training module, in person and "
                    "online. A training meeting of all Latvian partners was held on "
                    "27 May 2025 at Ogre Central Library.</p>"
                ),
            ],
        },
    },
    "handbook-hackathons": {
        "topics": ["hackathons", "community-engagement"],
        "lv": {
            "title": "Hakatoni",
            "slug": "hakatoni",
            "summary": "2025. gadā pieci hakatoni Latvijā pulcēja 124 dalībniekus.",
            "body": [
                h2("Pieci hakatoni 2025. gadā"),
                p(
                    "<ul>"
                    "<li>22. augustā Rēzeknes Centrālajā bibliotēkā: 28 "
                    "dalībnieki.</li>"
                    "<li>25. augustā Latgales Centrālajā bibliotēkā Daugavpilī: 26 "
                    "dalībnieki.</li>"
                    "<li>5. septembrī Ventspils bibliotēkā kopā ar Saldus un "
                    "Liepājas bibliotēkām: 29 dalībnieki.</li>"
                    "<li>12. septembrī Jēkabpils novada Galvenajā bibliotēkā: 12 "
                    "dalībnieki.</li>"
                    "<li>16. septembrī Ogres Centrālajā bibliotēkā kopā ar Jelgavas, "
                    "Siguldas un Salaspils bibliotēkām: 29 dalībnieki.</li>"
                    "</ul><p>Kopā 124 dalībnieki.</p>"
                ),
                story(
                    "Četras bibliotēkas vienā hakatonā",
                    "Latvija",
                    "Ogres Centrālā bibliotēka",
                    "<p>16. septembrī Ogres Centrālā bibliotēka uzņēma Ogres, "
                    "Jelgavas, Siguldas un Salaspils partnerības – 29 dalībniekus. "
                    "Kopīgs hakatons ļāva mazākām partnerībām dalīties idejās un "
                    "salīdzināt savu vietējo situāciju ar kaimiņu pieredzi.</p>",
                ),
                h2("Idejas pa stratēģiskajiem mērķiem"),
                h3("Valodas un kultūrpratība"),
                p(
                    "<p>Sarunu klubi, valodu “ātrie randiņi”, galda spēļu un stāstu "
                    "vakari, digitālas platformas valodas praksei (tiešsaistes "
                    "sarunu klubi).</p>"
                ),
                h3("Digitālās prasmes"),
                p(
                    "<p>Digitālo prasmju apmācības ar tulka atbalstu, lai "
                    "jaunpienācēji vieglāk orientētos jaunajā vidē.</p>"
                ),
                h3("Informācijas pieejamība"),
                p(
                    "<p>E-resursi, bukleti par iestādēm, veselību, izglītību un "
                    "finansēm, saziņas lietotņu grupas, kopīgs kalendārs, ikmēneša "
                    "pasākumu plāni un informācija skolās un sabiedriskās "
                    "vietās.</p>"
                ),
                h3("Kopienas iesaiste"),
                p(
                    "<p>Ģimeņu kultūras vakari, iniciatīva “ģimene ģimenei”, "
                    "līdzradīšanas darbnīcas un aktivitātes brīvā dabā.</p>"
                ),
                checklist(
                    "Hakatona sagatavošana",
                    [
                        "Vienojieties ar partneriem par datumu un vietu.",
                        "Uzaiciniet cilvēkus ar migrācijas pieredzi un nodrošiniet "
                        "tulku.",
                        "Sagatavojiet diagnostikas pārskata galvenos secinājumus.",
                        "Sadaliet dalībniekus grupās pa stratēģiskajiem mērķiem.",
                        "Pierakstiet idejas un pēc hakatona nosūtiet tās dalībniekiem.",
                    ],
                ),
            ],
        },
        "en": {
            "title": "Hackathons",
            "slug": "hackathons",
            "summary": "In 2025 five hackathons in Latvia brought 124 people together.",
            "body": [
                h2("Five hackathons in 2025"),
                p(
                    "<ul>"
                    "<li>22 August at Rēzekne Central Library: 28 participants.</li>"
                    "<li>25 August at Latgale Central Library in Daugavpils: 26 "
                    "participants.</li>"
                    "<li>5 September at Ventspils Library, with the Saldus and "
                    "Liepāja libraries: 29 participants.</li>"
                    "<li>12 September at Jēkabpils Main Library: 12 "
                    "participants.</li>"
                    "<li>16 September at Ogre Central Library, with the Jelgava, "
                    "Sigulda and Salaspils libraries: 29 participants.</li>"
                    "</ul><p>124 participants in all.</p>"
                ),
                story(
                    "Four libraries at one hackathon",
                    "Latvia",
                    "Ogres Centrālā bibliotēka",
                    "<p>On 16 September, Ogre Central Library hosted the Ogre, "
                    "Jelgava, Sigulda and Salaspils partnerships: 29 participants. "
                    "A shared hackathon let smaller partnerships exchange ideas and "
                    "compare their local situation with their neighbours' "
                    "experience.</p>",
                ),
                h2("Ideas by strategic goal"),
                h3("Language and cultural literacy"),
                p(
                    "<p>Conversation clubs, language “speed dating”, board-game and "
                    "story evenings, digital platforms for language practice (online "
                    "conversation clubs).</p>"
                ),
                h3("Digital skills"),
                p(
                    "<p>Digital skills training with interpreter support, so that "
                    "newcomers find their way in the new environment more "
                    "easily.</p>"
                ),
                h3("Access to information"),
                p(
                    "<p>E-resources, booklets about institutions, health, education "
                    "and finance, messenger groups, a shared calendar, monthly event "
                    "plans, and information in schools and public places.</p>"
                ),
                h3("Community engagement"),
                p(
                    "<p>Family culture evenings, a “family to family” initiative, "
                    "co-creation workshops and outdoor activities.</p>"
                ),
                checklist(
                    "Preparing a hackathon",
                    [
                        "Agree on the date and venue with your partners.",
                        "Invite people with migration experience and arrange an "
                        "interpreter.",
                        "Prepare the main findings of the diagnostic report.",
                        "Group the participants by strategic goal.",
                        "Write the ideas down and send them to the participants "
                        "afterwards.",
                    ],
                ),
            ],
        },
    },
}

WEBINAR_INDEX = {
    "lv": {
        "title": "Vebināri",
        "slug": "vebinari",
        "intro": (
            "Ikmēneša vebināri par projekta LIBRI tēmām bibliotēku darbiniekiem un "
            "partneriem: pieslēdzieties tiešraidē vai skatieties ierakstus."
        ),
    },
    "en": {
        "title": "Webinars",
        "slug": "webinars",
        "intro": (
            "Monthly webinars on LIBRI topics for library staff and partners: join "
            "live or watch the recordings."
        ),
    },
}

JOIN_INSTRUCTIONS = {
    "lv": (
        "Vebinārs notiek tiešsaistē. Pieslēdzieties ar saiti dažas minūtes pirms "
        "sākuma; der jebkura mūsdienīga pārlūkprogramma, lietotne nav vajadzīga."
    ),
    "en": (
        "The webinar is online. Join with the link a few minutes before it starts; "
        "any modern browser works, no app is needed."
    ),
}

# In date order: the first two have taken place, the last two are to come.
WEBINAR_ORDER = [
    "webinar-linkedin",
    "webinar-obstacles",
    "webinar-families",
    "webinar-vulnerable",
]

WEBINARS = {
    "webinar-linkedin": {
        "topics": ["community-engagement", "partnerships"],
        "room": "linkedin",
        "lv": {
            "title": "LinkedIn bibliotekāriem",
            "slug": "linkedin-bibliotekariem",
            "summary": (
                "Kā profesionālais tīkls palīdz bibliotēkām dalīties pieredzē: LIBRI "
                "prakses kopiena."
            ),
            "description": (
                "<p>Prakses kopiena profesionālajā sociālajā tīklā apvieno 50 "
                "Eiropas bibliotēkas. Vebinārā: kā pievienoties, ko publicēt un kā "
                "izplatīt projekta metodiskos materiālus.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Kultūras informācijas sistēmu centrs (KISC)",
                    "role": "LIBRI projekta komanda, moderators",
                },
                {"organisation": "EBLIDA", "role": "projekta partneris"},
            ],
            "transcript": (
                "<p><b>Moderators (KISC):</b> Laipni lūdzam pirmajā LIBRI "
                "vebinārā. Šodien runāsim par profesionālo tīklu bibliotekāriem un "
                "mūsu prakses kopienu.</p>"
                "<p><b>EBLIDA:</b> Prakses kopiena apvieno 50 Eiropas bibliotēkas. "
                "Tajā dalāmies ar ierakstiem, faktiem, padomiem, ieteikumiem un "
                "labās prakses piemēriem.</p>"
                "<p><b>Moderators (KISC):</b> Ko bibliotēkai publicēt vispirms?</p>"
                "<p><b>EBLIDA:</b> Sāciet ar to, ko jau darāt: sarunu klubu, "
                "pasākumu ģimenēm, jaunu e-resursu. Īss apraksts un fotogrāfija "
                "bez personu datiem ir pietiekami. Tāpat kopienā var saņemt padomu, "
                "kā izplatīt projekta metodiskos materiālus un rīkus.</p>"
            ),
        },
        "en": {
            "title": "LinkedIn for librarians",
            "slug": "linkedin-for-librarians",
            "summary": (
                "How a professional network helps libraries share experience: the "
                "LIBRI community of practice."
            ),
            "description": (
                "<p>The community of practice on a professional social network "
                "joins 50 European libraries. In this webinar: how to join, what to "
                "post and how to spread the project's methodological materials.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Culture Information Systems Centre (KISC)",
                    "role": "LIBRI project team, moderator",
                },
                {"organisation": "EBLIDA", "role": "project partner"},
            ],
            "transcript": (
                "<p><b>Moderator (KISC):</b> Welcome to the first LIBRI webinar. "
                "Today we talk about the professional network for librarians and "
                "our community of practice.</p>"
                "<p><b>EBLIDA:</b> The community of practice joins 50 European "
                "libraries. We share posts, facts, tips, recommendations and "
                "good-practice examples there.</p>"
                "<p><b>Moderator (KISC):</b> What should a library post first?</p>"
                "<p><b>EBLIDA:</b> Start with what you already do: a conversation "
                "club, an event for families, a new e-resource. A short description "
                "and a photo without personal data is enough. The community can "
                "also advise on spreading the project's methodological materials "
                "and tools.</p>"
            ),
        },
    },
    "webinar-obstacles": {
        "topics": ["intercultural-communication", "access-to-information"],
        "room": "obstacles",
        "lv": {
            "title": "Biežākie integrācijas šķēršļi trešo valstu pilsoņiem",
            "slug": "integracijas-skersli",
            "summary": (
                "Valodas barjeras, izolācija un informācijas trūkums: ko var darīt "
                "bibliotēka."
            ),
            "description": (
                "<p>Ar kādiem šķēršļiem saskaras trešo valstu pilsoņi un kā "
                "bibliotēka kopā ar partneriem var palīdzēt tos pārvarēt.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Sabiedrības integrācijas fonds",
                    "role": "integrācijas iestāde vietējās partnerībās",
                },
                {
                    "organisation": "Kultūras informācijas sistēmu centrs (KISC)",
                    "role": "moderators",
                },
            ],
            "transcript": (
                "<p><b>Moderators (KISC):</b> Šodien runājam par biežākajiem "
                "integrācijas šķēršļiem.</p>"
                "<p><b>Sabiedrības integrācijas fonds:</b> Pirmais ir valoda. "
                "Otrais – kultūras un sociālā izolācija: cilvēks nepazīst nevienu "
                "ārpus darba vai ģimenes. Trešais – informācija par iestādēm, "
                "veselību, izglītību un finansēm, kas nav pieejama saprotamā "
                "valodā.</p>"
                "<p><b>Moderators (KISC):</b> Ko hakatonos ieteica bibliotēkas?</p>"
                "<p><b>Sabiedrības integrācijas fonds:</b> Sarunu klubus un valodu "
                "“ātros randiņus”, digitālo prasmju apmācības ar tulku, bukletus "
                "par iestādēm un kopīgu pasākumu kalendāru.</p>"
            ),
        },
        "en": {
            "title": (
                "The most common integration obstacles for third-country nationals"
            ),
            "slug": "integration-obstacles",
            "summary": (
                "Language barriers, isolation and missing information: what the "
                "library can do."
            ),
            "description": (
                "<p>Which obstacles third-country nationals meet, and how the "
                "library and its partners can help overcome them.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Society Integration Foundation",
                    "role": "integration institution in local partnerships",
                },
                {
                    "organisation": "Culture Information Systems Centre (KISC)",
                    "role": "moderator",
                },
            ],
            "transcript": (
                "<p><b>Moderator (KISC):</b> Today we talk about the most common "
                "integration obstacles.</p>"
                "<p><b>Society Integration Foundation:</b> The first is language. "
                "The second is cultural and social isolation: a person knows no one "
                "outside work or family. The third is information about "
                "institutions, health, education and finance that is not available "
                "in a language they understand.</p>"
                "<p><b>Moderator (KISC):</b> What did the libraries suggest at the "
                "hackathons?</p>"
                "<p><b>Society Integration Foundation:</b> Conversation clubs and "
                "language “speed dating”, digital skills training with an "
                "interpreter, booklets about institutions and a shared calendar of "
                "events.</p>"
            ),
        },
    },
    "webinar-families": {
        "topics": ["children-youth-families"],
        "room": "families",
        "lv": {
            "title": "Bērni, jaunieši un ģimenes uzmanības centrā",
            "slug": "berni-jauniesi-un-gimenes",
            "summary": "Bibliotēkas pakalpojumi ģimenēm ar migrācijas pieredzi.",
            "description": (
                "<p>Ģimeņu kultūras vakari, iniciatīva “ģimene ģimenei” un "
                "aktivitātes bērniem un jauniešiem: idejas no Latvijas "
                "hakatoniem.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Kultūras informācijas sistēmu centrs (KISC)",
                    "role": "moderators",
                },
                {
                    "organisation": "Bibliothèques Sans Frontières",
                    "role": "projekta vadošais partneris",
                },
            ],
        },
        "en": {
            "title": "Children, youth and families in focus",
            "slug": "children-youth-and-families",
            "summary": "Library services for families with migration experience.",
            "description": (
                "<p>Family culture evenings, a “family to family” initiative and "
                "activities for children and young people: ideas from the Latvian "
                "hackathons.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Culture Information Systems Centre (KISC)",
                    "role": "moderator",
                },
                {
                    "organisation": "Bibliothèques Sans Frontières",
                    "role": "lead partner of the project",
                },
            ],
        },
    },
    "webinar-vulnerable": {
        "topics": ["vulnerable-users"],
        "room": "vulnerable",
        "lv": {
            "title": "Mazaizsargāto lietotāju vajadzības",
            "slug": "mazaizsargato-lietotaju-vajadzibas",
            "summary": (
                "Kā bibliotēka var sniegt atbalstu tiem, kam tas vajadzīgs visvairāk."
            ),
            "description": (
                "<p>Kā atpazīt mazaizsargātu lietotāju vajadzības un sadarboties ar "
                "sociālo dienestu un integrācijas iestādēm vietējā partnerībā.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Kultūras informācijas sistēmu centrs (KISC)",
                    "role": "moderators",
                },
                {
                    "organisation": "Biedrība “Latvijas Sarkanais Krusts”",
                    "role": "integrācijas iestāde Ogres partnerībā",
                },
            ],
        },
        "en": {
            "title": "The needs of vulnerable users",
            "slug": "needs-of-vulnerable-users",
            "summary": "How the library can support those who need it most.",
            "description": (
                "<p>How to recognise the needs of vulnerable users and work with "
                "the social service and integration institutions in a local "
                "partnership.</p>"
            ),
            "speakers": [
                {
                    "organisation": "Culture Information Systems Centre (KISC)",
                    "role": "moderator",
                },
                {
                    "organisation": "Latvian Red Cross (Latvijas Sarkanais Krusts)",
                    "role": "integration institution in the Ogre partnership",
                },
            ],
        },
    },
}
