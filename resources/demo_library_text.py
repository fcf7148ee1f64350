"""Demo text of the tools, the phrasebook, good practices and news, from the seeds."""

TOOL_INDEX = {
    "lv": {
        "title": "Metodiskie rīki",
        "slug": "metodiskie-riki",
        "intro": (
            "Vadlīnijas un tiešsaistes rīki bibliotekāriem starpkultūru saziņai: "
            "lejupielādējami dokumenti vairākās valodās un sarunvārdnīca apkalpošanas "
            "vietai."
        ),
    },
    "en": {
        "title": "Methodological tools",
        "slug": "tools",
        "intro": (
            "Guides and online tools that help librarians with intercultural "
            "communication: documents to download in several languages and a "
            "phrasebook for the service desk."
        ),
    },
}

TOOLS = {
    "diagnostics-guide": {
        "topics": ["local-diagnostics", "partnerships"],
        "lv": {
            "title": "Vietējās diagnostikas ceļvedis",
            "slug": "vietejas-diagnostikas-celvedis",
            "summary": (
                "Kā partnerība savāc datus par vietējo situāciju: mobilitātes "
                "pasākums, intervijas, fokusgrupas un diagnostikas ziņojums."
            ),
            "body": (
                "<p>Diagnostika ir projekta pirmais posms. Bibliotēka, pašvaldība un "
                "integrācijas institūcija kopā noskaidro, kas dzīvo novadā, kādi "
                "pakalpojumi jau ir un kā tie sasniedz trešo valstu pilsoņus.</p>"
                "<ul><li>Vietējais mobilitātes pasākums</li><li>Intervijas un "
                "fokusgrupas</li><li>Diagnostikas ziņojums, kas balstīts uz izpēti"
                "</li></ul>"
            ),
        },
        "en": {
            "title": "Local diagnostics guide",
            "slug": "local-diagnostics-guide",
            "summary": (
                "How a partnership collects data on the local situation: a local "
                "mobility event, interviews, focus groups and a diagnostic report."
            ),
            "body": (
                "<p>Diagnostics is the project's first stage. The library, the "
                "municipality and the integration institution find out together who "
                "lives in the area, which services exist and how they reach "
                "third-country nationals.</p>"
                "<ul><li>A local mobility event</li><li>Interviews and focus groups"
                "</li><li>A diagnostic report based on research</li></ul>"
            ),
        },
    },
    "hackathon-guide": {
        "topics": ["hackathons", "local-strategy"],
        "lv": {
            "title": "Hakatona organizēšanas ceļvedis",
            "slug": "hakatona-organizesanas-celvedis",
            "summary": (
                "Kā partnerība hakatonā kopīgi nosaka problēmas un idejas vietējai "
                "stratēģijai; pieredze no pieciem hakatoniem ar 124 dalībniekiem."
            ),
            "body": (
                "<p>2025. gada augustā un septembrī Latvijas partnerības rīkoja "
                "piecus hakatonus Rēzeknē, Daugavpilī, Ventspilī, Jēkabpilī un "
                "Ogrē.</p><p>Ceļvedis apraksta sagatavošanos, dienas plānu un to, "
                "kā idejas kļūst par stratēģijas mērķiem.</p>"
            ),
        },
        "en": {
            "title": "Hackathon organiser's guide",
            "slug": "hackathon-organisers-guide",
            "summary": (
                "How a partnership identifies problems and ideas for its local "
                "strategy at a hackathon; lessons from five hackathons with 124 "
                "participants."
            ),
            "body": (
                "<p>In August and September 2025 the Latvian partnerships held five "
                "hackathons in Rēzekne, Daugavpils, Ventspils, Jēkabpils and Ogre."
                "</p><p>The guide covers preparation, the plan of the day and how "
                "ideas become the strategy's goals.</p>"
            ),
        },
    },
}

PHRASEBOOK = {
    "topics": ["intercultural-communication", "language-culture"],
    "lv": {
        "title": "Sarunvārdnīca apkalpošanas vietai",
        "slug": "sarunvardnica",
        "intro": (
            "Frāzes, ko teikt pie bibliotēkas apkalpošanas galda: izvēlieties "
            "apmeklētāja valodu un parādiet frāzi ekrānā vai izdrukātā kartītē."
        ),
    },
    "en": {
        "title": "Service desk phrasebook",
        "slug": "phrasebook",
        "intro": (
            "Phrases for the library's service desk: choose the visitor's language "
            "and show the phrase on the screen or on a printed card."
        ),
    },
}

# (situation, lv, en, uk, ru)
PHRASES = [
    (
        "registration",
        "Laipni lūdzam! Kā varu jums palīdzēt?",
        "Welcome! How can I help you?",
        "Ласкаво просимо! Чим я можу вам допомогти?",
        "Добро пожаловать! Чем я могу вам помочь?",
    ),
    (
        "registration",
        "Vai vēlaties kļūt par bibliotēkas lasītāju? Reģistrācija ir bez maksas.",
        "Would you like to become a library member? Registration is free.",
        "Бажаєте стати читачем бібліотеки? Реєстрація безкоштовна.",
        "Хотите стать читателем библиотеки? Регистрация бесплатная.",
    ),
    (
        "registration",
        "Lūdzu, parādiet personu apliecinošu dokumentu.",
        "Please show me an identity document.",
        "Будь ласка, покажіть документ, що посвідчує особу.",
        "Пожалуйста, покажите документ, удостоверяющий личность.",
    ),
    (
        "registration",
        "Lūdzu, aizpildiet šo veidlapu. Es varu jums palīdzēt.",
        "Please fill in this form. I can help you.",
        "Будь ласка, заповніть цю форму. Я можу вам допомогти.",
        "Пожалуйста, заполните эту форму. Я могу вам помочь.",
    ),
    (
        "registration",
        "Šī ir jūsu lasītāja karte. Lūdzu, ņemiet to līdzi uz bibliotēku.",
        "Here is your library card. Please bring it when you come.",
        "Ось ваш читацький квиток. Будь ласка, беріть його до бібліотеки.",
        "Вот ваш читательский билет. Пожалуйста, берите его в библиотеку.",
    ),
    (
        "borrowing",
        "Grāmatu izsniegšana ir bez maksas.",
        "Borrowing books is free of charge.",
        "Книжки видаються безкоштовно.",
        "Книги выдаются бесплатно.",
    ),
    (
        "borrowing",
        "Atdošanas datums ir norādīts uz šī čeka.",
        "The return date is printed on this receipt.",
        "Дату повернення вказано на цьому чеку.",
        "Дата возврата указана на этом чеке.",
    ),
    (
        "borrowing",
        "Vai vēlaties pagarināt grāmatas lietošanas termiņu?",
        "Would you like to renew the book?",
        "Бажаєте продовжити термін користування книжкою?",
        "Хотите продлить срок пользования книгой?",
    ),
    (
        "borrowing",
        "Grāmatas jūsu valodā ir šajā plauktā.",
        "Books in your language are on this shelf.",
        "Книжки вашою мовою стоять на цій полиці.",
        "Книги на вашем языке стоят на этой полке.",
    ),
    (
        "borrowing",
        "Šī grāmata pašlaik ir izsniegta. Es varu to jums rezervēt.",
        "This book is on loan at the moment. I can reserve it for you.",
        "Цю книжку зараз видано. Я можу її для вас зарезервувати.",
        "Эта книга сейчас выдана. Я могу её для вас зарезервировать.",
    ),
    (
        "events",
        "Mūsu sarunu klubā var praktizēt latviešu valodu. Laipni aicināts ikviens.",
        "You can practise Latvian at our conversation club. Everyone is welcome.",
        "У нашому розмовному клубі можна практикувати латиську мову. Запрошуємо всіх.",
        "В нашем разговорном клубе можно практиковать латышский язык. Приглашаем всех.",
    ),
    (
        "events",
        "Pasākums ir bez maksas. Iepriekš pieteikties nav nepieciešams.",
        "The event is free. You do not need to sign up.",
        "Захід безкоштовний. Реєструватися заздалегідь не потрібно.",
        "Мероприятие бесплатное. Записываться заранее не нужно.",
    ),
    (
        "events",
        "Varat nākt kopā ar bērniem.",
        "You are welcome to bring your children.",
        "Можете прийти разом із дітьми.",
        "Можно прийти вместе с детьми.",
    ),
    (
        "events",
        "Šeit ir šī mēneša pasākumu plāns.",
        "Here is this month's plan of events.",
        "Ось план заходів на цей місяць.",
        "Вот план мероприятий на этот месяц.",
    ),
    (
        "events",
        "Vai vēlaties saņemt ziņas par pasākumiem tērzēšanas grupā?",
        "Would you like news of our events in a messenger group?",
        "Бажаєте отримувати новини про заходи в групі в месенджері?",
        "Хотите получать новости о мероприятиях в группе в мессенджере?",
    ),
    (
        "directions",
        "Tualetes ir pirmajā stāvā, pa kreisi.",
        "The toilets are on the ground floor, on the left.",
        "Туалети на першому поверсі, ліворуч.",
        "Туалеты на первом этаже, слева.",
    ),
    (
        "directions",
        "Bērnu nodaļa ir stāvu augstāk.",
        "The children's department is one floor up.",
        "Дитячий відділ — поверхом вище.",
        "Детский отдел — этажом выше.",
    ),
    (
        "directions",
        "Lūdzu, nāciet man līdzi, es jums parādīšu.",
        "Please come with me, I will show you.",
        "Ходімо, будь ласка, я вам покажу.",
        "Пойдёмте, пожалуйста, я вам покажу.",
    ),
    (
        "directions",
        "Sociālais dienests atrodas šajā adresē. Šeit ir karte.",
        "The social service is at this address. Here is a map.",
        "Соціальна служба знаходиться за цією адресою. Ось мапа.",
        "Социальная служба находится по этому адресу. Вот карта.",
    ),
    (
        "directions",
        "Mūsu darba laiks ir norādīts uz šīs kartītes.",
        "Our opening hours are on this card.",
        "Наш графік роботи вказано на цій картці.",
        "Наши часы работы указаны на этой карточке.",
    ),
    (
        "digital",
        "Šeit varat bez maksas izmantot datoru.",
        "You can use a computer here free of charge.",
        "Тут можна безкоштовно користуватися комп'ютером.",
        "Здесь можно бесплатно пользоваться компьютером.",
    ),
    (
        "digital",
        "Šeit ir bezvadu interneta (Wi-Fi) parole.",
        "Here is the Wi-Fi password.",
        "Ось пароль від Wi-Fi.",
        "Вот пароль от Wi-Fi.",
    ),
    (
        "digital",
        "Šeit varat izdrukāt un ieskenēt dokumentus.",
        "You can print and scan documents here.",
        "Тут можна роздрукувати та відсканувати документи.",
        "Здесь можно распечатать и отсканировать документы.",
    ),
    (
        "digital",
        "Es varu parādīt, kā pieslēgties portālam Latvija.gov.lv.",
        "I can show you how to log in to the Latvija.gov.lv portal.",
        "Я можу показати, як увійти на портал Latvija.gov.lv.",
        "Я могу показать, как войти на портал Latvija.gov.lv.",
    ),
    (
        "digital",
        "Lūdzu, nesakiet man savas paroles – ievadiet tās paši.",
        "Please do not tell me your passwords; type them in yourself.",
        "Будь ласка, не кажіть мені свої паролі — вводьте їх самі.",
        "Пожалуйста, не говорите мне свои пароли — вводите их сами.",
    ),
]

PRACTICE_INDEX = {
    "lv": {
        "title": "Labās prakses piemēri",
        "slug": "laba-prakse",
        "intro": (
            "Ko bibliotēkas dara trešo valstu pilsoņu iekļaušanai: problēma, "
            "risinājums, vajadzīgie resursi un rezultāti skaitļos."
        ),
    },
    "en": {
        "title": "Good practices",
        "slug": "good-practices",
        "intro": (
            "What libraries do to include third-country nationals: the problem, "
            "what was done, the resources needed and the results in numbers."
        ),
    },
}

HACKATHON_LIBRARIES = {
    "lv": (
        "Rēzeknes, Latgales (Daugavpils), Ventspils, Jēkabpils un Ogres "
        "hakatonu bibliotēkas"
    ),
    "en": (
        "The libraries of the Rēzekne, Latgale (Daugavpils), Ventspils, Jēkabpils "
        "and Ogre hackathons"
    ),
}
HACKATHON_CONTACT = {
    "lv": "Kultūras informācijas sistēmu centrs (KISC), Latvija",
    "en": "Culture Information Systems Centre (KISC), Latvia",
}
HACKATHON_RESOURCES = {
    "lv": (
        "<p>Partnerība no trim pusēm: bibliotēka, pašvaldība un integrācijas "
        "institūcija. Telpa bibliotēkā, moderators un dalībnieki no vietējās "
        "kopienas.</p>"
    ),
    "en": (
        "<p>A partnership of three: the library, the municipality and the "
        "integration institution. A room in the library, a facilitator and "
        "participants from the local community.</p>"
    ),
}
HACKATHON_RESULTS = {
    "lv": [
        ("5", "hakatoni 2025. gada augustā un septembrī"),
        ("124", "dalībnieki visos hakatonos kopā"),
        ("10", "Latvijas partnerības projektā"),
    ],
    "en": [
        ("5", "hackathons in August and September 2025"),
        ("124", "participants across the hackathons"),
        ("10", "Latvian partnerships in the project"),
    ],
}

PRACTICES = {
    "conversation-clubs": {
        "target_group": "adults",
        "topics": ["language-culture", "hackathons"],
        "lv": {
            "title": "Sarunu klubi un valodas „ātrie randiņi”",
            "slug": "sarunu-klubi",
            "summary": (
                "Valodas un kultūras pratība: sarunu klubi, valodas „ātrie "
                "randiņi”, galda spēļu un stāstu vakari, sarunu klubi tiešsaistē."
            ),
            "problem": (
                "<p>Jaunpienācējiem trūkst vietas, kur bez spiediena runāt latviski, "
                "un vietējiem iedzīvotājiem – iespējas viņus iepazīt.</p>"
            ),
            "action": (
                "<p>Hakatonos partnerības ierosināja regulārus sarunu klubus "
                "bibliotēkā, valodas „ātros randiņus”, galda spēļu un stāstu vakarus, "
                "kā arī digitālas platformas valodas praksei, piemēram, sarunu "
                "klubus tiešsaistē.</p>"
            ),
        },
        "en": {
            "title": "Conversation clubs and language speed dating",
            "slug": "conversation-clubs",
            "summary": (
                "Language and cultural literacy: conversation clubs, language "
                "“speed dating”, board-game and story evenings, online "
                "conversation clubs."
            ),
            "problem": (
                "<p>Newcomers lack a place to speak Latvian without pressure, and "
                "local residents lack a chance to get to know them.</p>"
            ),
            "action": (
                "<p>At the hackathons the partnerships proposed regular conversation "
                "clubs in the library, language “speed dating”, board-game and story "
                "evenings, and digital platforms for language practice such as "
                "online conversation clubs.</p>"
            ),
        },
    },
    "digital-skills": {
        "target_group": "job-seekers",
        "topics": ["digital-skills", "hackathons"],
        "lv": {
            "title": "Digitālo prasmju nodarbības ar tulka atbalstu",
            "slug": "digitalo-prasmju-nodarbibas",
            "summary": (
                "Digitālo prasmju apmācība ar tulka atbalstu, lai migranti vieglāk "
                "orientētos jaunajā vidē."
            ),
            "problem": (
                "<p>E-pakalpojumi, darba meklēšana un saziņa ar iestādēm notiek "
                "tiešsaistē, bet valodas barjera neļauj apgūt vajadzīgās prasmes.</p>"
            ),
            "action": (
                "<p>Bibliotēka rīko digitālo prasmju nodarbības, kurās palīdz tulks, "
                "lai dalībnieki apgūtu prasmes, kas vajadzīgas ikdienā jaunajā "
                "vidē.</p>"
            ),
        },
        "en": {
            "title": "Digital skills classes with interpreter support",
            "slug": "digital-skills-classes",
            "summary": (
                "Digital skills training with interpreter support, so that migrants "
                "find their way in the new environment more easily."
            ),
            "problem": (
                "<p>E-services, job seeking and dealing with institutions happen "
                "online, but the language barrier stands in the way of learning "
                "the skills needed.</p>"
            ),
            "action": (
                "<p>The library runs digital skills classes with an interpreter, so "
                "that participants gain the skills they need in everyday life in "
                "the new environment.</p>"
            ),
        },
    },
    "information": {
        "target_group": "everyone",
        "topics": ["access-to-information", "hackathons"],
        "lv": {
            "title": "Informācija vienuviet: bukleti, kalendārs un tērzēšanas grupas",
            "slug": "informacija-vienuviet",
            "summary": (
                "Piekļuve informācijai: e-resursi, bukleti par iestādēm, veselību, "
                "izglītību un finansēm, tērzēšanas grupas un kopīgs kalendārs."
            ),
            "problem": (
                "<p>Jaunpienācēji nezina, kur meklēt informāciju par iestādēm, "
                "veselības aprūpi, izglītību un finansēm, un nedzird par "
                "pasākumiem.</p>"
            ),
            "action": (
                "<p>Partnerības ierosināja bukletus par iestādēm, veselību, izglītību "
                "un finansēm, tērzēšanas grupas, kopīgu kalendāru un ikmēneša "
                "pasākumu plānus, kā arī informācijas izplatīšanu skolās un "
                "sabiedriskās vietās.</p>"
            ),
        },
        "en": {
            "title": "Information in one place: booklets, a calendar, messenger groups",
            "slug": "information-in-one-place",
            "summary": (
                "Access to information: e-resources, booklets about institutions, "
                "health, education and finance, messenger groups and a shared "
                "calendar."
            ),
            "problem": (
                "<p>Newcomers do not know where to find information about "
                "institutions, health care, education and finance, and do not hear "
                "about events.</p>"
            ),
            "action": (
                "<p>The partnerships proposed booklets about institutions, health, "
                "education and finance, messenger groups, a shared calendar and "
                "monthly event plans, and spreading information in schools and "
                "public places.</p>"
            ),
        },
    },
    "family-evenings": {
        "target_group": "families",
        "topics": ["community-engagement", "children-youth-families", "hackathons"],
        "lv": {
            "title": "Ģimeņu kultūras vakari un iniciatīva „Ģimene ģimenei”",
            "slug": "gimenu-kulturas-vakari",
            "summary": (
                "Kopienas iesaiste: ģimeņu kultūras vakari, „ģimene ģimenei”, "
                "kopradīšanas darbnīcas un aktivitātes brīvā dabā."
            ),
            "problem": (
                "<p>Ģimenes ar migrācijas pieredzi un vietējās ģimenes dzīvo līdzās, "
                "bet reti satiekas.</p>"
            ),
            "action": (
                "<p>Bibliotēka aicina uz ģimeņu kultūras vakariem, sapazīstina "
                "ģimenes iniciatīvā „ģimene ģimenei”, rīko kopradīšanas darbnīcas un "
                "aktivitātes brīvā dabā.</p>"
            ),
        },
        "en": {
            "title": "Family culture evenings and “family to family”",
            "slug": "family-culture-evenings",
            "summary": (
                "Community engagement: family culture evenings, a “family to "
                "family” initiative, co-creation workshops and outdoor activities."
            ),
            "problem": (
                "<p>Families with migration experience and local families live side "
                "by side but rarely meet.</p>"
            ),
            "action": (
                "<p>The library invites families to culture evenings, pairs them in "
                "a “family to family” initiative, and runs co-creation workshops and "
                "outdoor activities.</p>"
            ),
        },
    },
}

NEWS_INDEX = {
    "lv": {
        "title": "Jaunumi",
        "slug": "jaunumi",
        "intro": "LIBRI projekta jaunumi datumu secībā.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "News of the LIBRI project, latest first.",
    },
}

# The year of Sigulda's memorandum is not in the seeds: the project's first
# February after its May 2024 start is taken.
NEWS = {
    "sigulda-memorandum": {
        "date": (2025, 2, 21),
        "topics": ["partnerships"],
        "lv": {
            "title": "Sigulda paraksta nodomu protokolu",
            "slug": "sigulda-paraksta-nodomu-protokolu",
            "summary": (
                "Siguldas novada bibliotēka, Siguldas novada Sociālais dienests un "
                "biedrība „r.a. Siltumnīca” 21. februārī parakstīja nodomu "
                "protokolu par sadarbību."
            ),
            "body": (
                "<p>Partnerība sadarbojas arī ar Sabiedrības integrācijas fonda "
                "Vidzemes vienas pieturas aģentūru.</p>"
            ),
        },
        "en": {
            "title": "Sigulda signs its memorandum of intent",
            "slug": "sigulda-signs-memorandum",
            "summary": (
                "Sigulda Municipality Library, the Sigulda social service and the "
                "association “r.a. Siltumnīca” signed a memorandum of intent on "
                "21 February."
            ),
            "body": (
                "<p>The partnership also works with the Vidzeme one-stop agency of "
                "the Society Integration Foundation.</p>"
            ),
        },
    },
    "training-ogre": {
        "date": (2025, 5, 27),
        "topics": ["local-strategy"],
        "lv": {
            "title": "Latvijas partneru mācības Ogres Centrālajā bibliotēkā",
            "slug": "macibas-ogre",
            "summary": (
                "27. maijā no 10.00 līdz 15.30 Ogres Centrālajā bibliotēkā mācījās "
                "visas Latvijas partnerības."
            ),
            "body": (
                "<p>Katram projekta posmam ir sava apmācība: vietējā diagnostika, "
                "vietējās stratēģijas izstrāde, hakatonu organizēšana un ietekme un "
                "ilgtspēja.</p>"
            ),
        },
        "en": {
            "title": "Training of the Latvian partners at Ogre Central Library",
            "slug": "training-ogre",
            "summary": (
                "On 27 May, from 10:00 to 15:30, all Latvian partnerships met for "
                "training at Ogre Central Library."
            ),
            "body": (
                "<p>Each stage of the project has its own training: local "
                "diagnostics, local strategy development, organising hackathons, and "
                "impact and sustainability.</p>"
            ),
        },
    },
    "ifla-wlic": {
        "date": (2025, 8, 18),
        "topics": ["partnerships"],
        "lv": {
            "title": "LIBRI IFLA pasaules bibliotēku kongresā Astanā",
            "slug": "libri-ifla-wlic-2025",
            "summary": (
                "LIBRI tika prezentēts IFLA WLIC 2025 – Pasaules bibliotēku un "
                "informācijas kongresā Astanā 18.–22. augustā."
            ),
            "body": "",
        },
        "en": {
            "title": "LIBRI at the IFLA World Library Congress in Astana",
            "slug": "libri-at-ifla-wlic-2025",
            "summary": (
                "LIBRI was presented at IFLA WLIC 2025, the World Library and "
                "Information Congress, in Astana, 18–22 August."
            ),
            "body": "",
        },
    },
    "hackathons-done": {
        "date": (2025, 9, 16),
        "topics": ["hackathons", "community-engagement"],
        "lv": {
            "title": "Pieci hakatoni, 124 dalībnieki",
            "slug": "pieci-hakatoni",
            "summary": (
                "Ar hakatonu Ogres Centrālajā bibliotēkā 16. septembrī noslēdzās "
                "pieci hakatoni, kuros kopā piedalījās 124 dalībnieki."
            ),
            "body": (
                "<p>Hakatoni notika Rēzeknē (28 dalībnieki), Daugavpilī (26), "
                "Ventspilī (29), Jēkabpilī (12) un Ogrē (29).</p>"
            ),
        },
        "en": {
            "title": "Five hackathons, 124 participants",
            "slug": "five-hackathons",
            "summary": (
                "The hackathon at Ogre Central Library on 16 September closed a "
                "series of five hackathons with 124 participants in all."
            ),
            "body": (
                "<p>The hackathons took place in Rēzekne (28 participants), "
                "Daugavpils (26), Ventspils (29), Jēkabpils (12) and Ogre (29).</p>"
            ),
        },
    },
}

# A short document per tool and language, written as an ODT file.
TOOL_FILE_TEXT = {
    "lv": "LIBRI metodiskais rīks. Projekts „Bibliotēku tilti”, ko līdzfinansē ES.",
    "en": "A LIBRI methodological tool. Library Bridges, co-funded by the EU.",
}
