"""Demo training modules, one per project stage, written from the seed documents.

Like ``home.demo``, it creates what is missing and leaves what exists alone, so
running ``load_demo`` twice gives the same site and never overwrites a trainer's
edits. Courses and lessons exist in Latvian and, as their translations, in English.
"""

from django.db import transaction

from home.demo import demo_key, ensure_locales, ensure_translation, publish
from home.models import HomePage, Topic

from .blocks import MULTIPLE_CHOICE, SINGLE_CHOICE, TRUE_FALSE
from .models import CourseIndexPage, CoursePage, CoursePageTopic, LessonPage

CATALOGUE = {
    "lv": {
        "title": "Mācību moduļi",
        "slug": "macibu-moduli",
        "intro": (
            "Četri pašmācības moduļi bibliotēku darbiniekiem, pa vienam katram LIBRI "
            "projekta posmam. Mācieties savā tempā: katrā modulī ir nodarbības, "
            "pārdomu jautājumi un zināšanu pārbaude."
        ),
    },
    "en": {
        "title": "Training modules",
        "slug": "training-modules",
        "intro": (
            "Four self-paced modules for library staff, one for each stage of the "
            "LIBRI project. Learn at your own pace: each module has lessons, "
            "questions to reflect on and a knowledge check."
        ),
    },
}

TRUE = {"lv": "Patiesi", "en": "True"}
FALSE = {"lv": "Nepatiesi", "en": "False"}
CHECK_TITLE = {"lv": "Pārbaudi savas zināšanas", "en": "Check your knowledge"}


def paragraph(html):
    return ("paragraph", html)


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def reflection(question):
    return ("reflection", {"question": question})


def knowledge_check(language, introduction, questions):
    """A knowledge-check block from (kind, text, [(answer, correct, feedback)])."""
    return (
        "knowledge_check",
        {
            "title": CHECK_TITLE[language],
            "introduction": introduction,
            "questions": [
                {
                    "kind": kind,
                    "text": text,
                    "answers": [
                        {"text": answer, "is_correct": correct, "feedback": feedback}
                        for answer, correct, feedback in answers
                    ],
                }
                for kind, text, answers in questions
            ],
        },
    )


def true_false(language, text, is_true, if_true, if_false):
    """A true-or-false question: the feedback for "true" and for "false"."""
    return (
        TRUE_FALSE,
        text,
        [(TRUE[language], is_true, if_true), (FALSE[language], not is_true, if_false)],
    )


# The four courses. Each lesson's body is in StreamField (block type, value) form.
COURSES = [
    {
        "key": "course-local-diagnostics",
        "level": "introductory",
        "topics": ["local-diagnostics", "partnerships"],
        "lv": {
            "title": "Vietējā diagnostika",
            "slug": "vieteja-diagnostika",
            "summary": (
                "Pirmais projekta posms: kā partnerība iepazīst vietējo situāciju – "
                "mobilitātes pasākums, intervijas un mērķgrupu diskusijas, "
                "diagnostikas pārskats."
            ),
            "outcomes": [
                "Paskaidrot, kāpēc vietējā stratēģija sākas ar diagnostiku.",
                "Izvēlēties piemērotas datu ieguves metodes un tās ētiski izmantot.",
                "Sagatavot diagnostikas pārskatu par vietējo situāciju.",
            ],
        },
        "en": {
            "title": "Local diagnostics",
            "slug": "local-diagnostics",
            "summary": (
                "The project's first stage: how a partnership gets to know the local "
                "situation – a mobility event, interviews and focus groups, a "
                "diagnostic report."
            ),
            "outcomes": [
                "Explain why a local strategy starts with diagnostics.",
                "Choose suitable data-collection methods and use them ethically.",
                "Prepare a diagnostic report on the local situation.",
            ],
        },
        "lessons": [
            {
                "key": "lesson-diagnostics-why",
                "minutes": 15,
                "lv": {
                    "title": "Kāpēc sākt ar diagnostiku",
                    "slug": "kapec-sakt-ar-diagnostiku",
                    "summary": "Diagnostikas mērķis un tās vieta projekta posmos.",
                    "body": [
                        paragraph(
                            "<p>Diagnostika ir pirmais no četriem LIBRI projekta "
                            "posmiem. Pirms jaunu pakalpojumu plānošanas partnerība "
                            "noskaidro, kas vietējā kopienā jau notiek, kādas ir "
                            "trešo valstu pilsoņu vajadzības un kādi šķēršļi viņiem "
                            "traucē izmantot bibliotēku.</p>"
                        ),
                        heading("Bibliotēka kā vide integrācijai"),
                        paragraph(
                            "<p>Bibliotēka palīdz pārvarēt valodas barjeras, kultūras "
                            "un sociālo izolāciju. Tās krājumi, e-resursi un pasākumi "
                            "ir vienlīdz pieejami gan vietējiem iedzīvotājiem, gan "
                            "trešo valstu pilsoņiem. Diagnostika parāda, cik lielā "
                            "mērā tas jau notiek jūsu pašvaldībā.</p>"
                        ),
                        heading("Trīs partneri, viens skatījums"),
                        paragraph(
                            "<p>Diagnostiku veic vietējā partnerība: bibliotēka, "
                            "pašvaldība (vai tās sociālais dienests vai kultūras "
                            "pārvalde) un integrācijas iestāde – biedrība vai valsts "
                            "iestāde. Katrs partneris ienes savus datus un "
                            "kontaktus.</p>"
                        ),
                        reflection(
                            "Ko jūsu bibliotēka jau zina par trešo valstu pilsoņiem "
                            "savā apkaimē, un ko jūs par viņiem nezināt?"
                        ),
                    ],
                },
                "en": {
                    "title": "Why start with diagnostics",
                    "slug": "why-start-with-diagnostics",
                    "summary": "What diagnostics is for and where it sits.",
                    "body": [
                        paragraph(
                            "<p>Diagnostics is the first of the four LIBRI project "
                            "stages. Before planning new services, the partnership "
                            "finds out what already happens in the local community, "
                            "what third-country nationals need and what keeps them "
                            "from using the library.</p>"
                        ),
                        heading("The library as a space for integration"),
                        paragraph(
                            "<p>The library helps people overcome language barriers "
                            "and cultural and social isolation. Its collections, "
                            "e-resources and events are equally open to local "
                            "residents and third-country nationals. Diagnostics shows "
                            "how far this is already true in your municipality.</p>"
                        ),
                        heading("Three partners, one picture"),
                        paragraph(
                            "<p>Diagnostics is carried out by the local partnership: "
                            "the library, the municipality (or its social service or "
                            "culture department) and an integration institution – an "
                            "NGO or a public body. Each partner brings its own data "
                            "and contacts.</p>"
                        ),
                        reflection(
                            "What does your library already know about third-country "
                            "nationals in its area, and what does it not know?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-diagnostics-data",
                "minutes": 20,
                "lv": {
                    "title": "Mobilitātes pasākums un datu ieguve",
                    "slug": "mobilitates-pasakums-un-datu-ieguve",
                    "summary": "Intervijas, mērķgrupu diskusijas un citas metodes.",
                    "body": [
                        heading("Vietējais mobilitātes pasākums"),
                        paragraph(
                            "<p>Diagnostika sākas ar vietējo mobilitātes pasākumu: "
                            "partneri tiekas, iepazīst cits cita darbu un vienojas, "
                            "ko un kā pētīs. Tā ir arī iespēja uzaicināt kopienas "
                            "pārstāvjus un iestādes, ar kurām bibliotēka vēl nav "
                            "sadarbojusies.</p>"
                        ),
                        heading("Datu ieguves metodes"),
                        paragraph(
                            "<ul><li><b>Intervijas</b> ar trešo valstu pilsoņiem, "
                            "bibliotekāriem, sociālajiem darbiniekiem un biedrību "
                            "pārstāvjiem.</li><li><b>Mērķgrupu diskusijas</b>, kurās "
                            "6–10 dalībnieki kopā pārrunā pieredzi un "
                            "vajadzības.</li><li><b>Citi avoti</b>: bibliotēkas "
                            "statistika, pašvaldības dati, novērojumi pasākumos, īsas "
                            "aptaujas.</li></ul>"
                        ),
                        heading("Ētika un uzticēšanās"),
                        paragraph(
                            "<p>Paskaidrojiet, kāpēc jautājat un kā izmantosiet "
                            "atbildes, lūdziet piekrišanu un pārskatā nenorādiet "
                            "vārdus. Ja nepieciešams, piesaistiet tulku, lai cilvēki "
                            "varētu runāt valodā, kurā jūtas droši.</p>"
                        ),
                        reflection(
                            "Kurus cilvēkus vai iestādes jūs uzaicinātu uz mērķgrupu "
                            "diskusiju, un kādā valodā tā notiktu?"
                        ),
                    ],
                },
                "en": {
                    "title": "The mobility event and data collection",
                    "slug": "mobility-event-and-data-collection",
                    "summary": "Interviews, focus groups and other methods.",
                    "body": [
                        heading("The local mobility event"),
                        paragraph(
                            "<p>Diagnostics starts with a local mobility event: the "
                            "partners meet, learn about each other's work and agree "
                            "what to research and how. It is also a chance to invite "
                            "community members and institutions the library has not "
                            "worked with yet.</p>"
                        ),
                        heading("Ways to collect data"),
                        paragraph(
                            "<ul><li><b>Interviews</b> with third-country nationals, "
                            "librarians, social workers and NGO staff.</li>"
                            "<li><b>Focus groups</b>, where 6–10 participants talk "
                            "through their experience and needs together.</li>"
                            "<li><b>Other "
                            "sources</b>: library statistics, municipal data, "
                            "observation at events, short surveys.</li></ul>"
                        ),
                        heading("Ethics and trust"),
                        paragraph(
                            "<p>Explain why you ask and how you will use the answers, "
                            "ask for consent and leave names out of the report. Where "
                            "needed, bring in an interpreter so that people can speak "
                            "the language they feel safe in.</p>"
                        ),
                        reflection(
                            "Whom would you invite to a focus group, and in which "
                            "language would it be held?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-diagnostics-report",
                "minutes": 25,
                "lv": {
                    "title": "Diagnostikas pārskats",
                    "slug": "diagnostikas-parskats",
                    "summary": "Kā apkopot atziņas pārskatā, uz ko balstīt stratēģiju.",
                    "body": [
                        paragraph(
                            "<p>Diagnostikas pārskats apkopo vietējās situācijas "
                            "izpētes rezultātus. Tas ir pamats nākamajam posmam – "
                            "vietējās stratēģijas izstrādei.</p>"
                        ),
                        heading("Ko iekļaut pārskatā"),
                        paragraph(
                            "<ol><li>Kopiena: kas ir trešo valstu pilsoņi jūsu "
                            "pašvaldībā un kādas ir viņu vajadzības.</li><li>Esošie "
                            "pakalpojumi: ko jau piedāvā bibliotēka, pašvaldība un "
                            "integrācijas iestādes.</li><li>Šķēršļi: valoda, "
                            "informācijas trūkums, laiks, uzticēšanās.</li>"
                            "<li>Iespējas: kur partneri var darboties kopā.</li>"
                            "<li>Metodes: ar ko un kā runājāt (bez vārdiem).</li>"
                            "</ol>"
                        ),
                        reflection(
                            "Kura atziņa jūsu datos jūs pārsteidza visvairāk, un ko "
                            "tā nozīmē bibliotēkas darbam?"
                        ),
                        knowledge_check(
                            "lv",
                            "Trīs jautājumi par diagnostikas posmu.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "Ar ko sākas vietējās diagnostikas posms?",
                                    [
                                        (
                                            "Ar vietējo mobilitātes pasākumu",
                                            True,
                                            "Jā: partneri tiekas un vienojas, ko un "
                                            "kā pētīs.",
                                        ),
                                        (
                                            "Ar hakatonu",
                                            False,
                                            "Hakatons notiek vēlāk, stratēģijas "
                                            "izstrādes posmā.",
                                        ),
                                        (
                                            "Ar diagnostikas pārskata publicēšanu",
                                            False,
                                            "Pārskats ir diagnostikas rezultāts, "
                                            "nevis tās sākums.",
                                        ),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Kuras ir datu ieguves metodes diagnostikā?",
                                    [
                                        (
                                            "Intervijas",
                                            True,
                                            "Jā, intervijas ir viena no galvenajām "
                                            "metodēm.",
                                        ),
                                        (
                                            "Mērķgrupu diskusijas",
                                            True,
                                            "Jā, tajās dalībnieki pārrunā pieredzi "
                                            "kopā.",
                                        ),
                                        (
                                            "Apmeklētāju personas datu publicēšana",
                                            False,
                                            "Nē: pārskatā vārdus nenorāda, un "
                                            "personas datus nepublicē.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "lv",
                                    "Diagnostikas pārskats ir pamats vietējās "
                                    "stratēģijas izstrādei.",
                                    True,
                                    "Pareizi: stratēģija balstās uz diagnostiku.",
                                    "Tā nav: stratēģija balstās tieši uz "
                                    "diagnostikas pārskatu.",
                                ),
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "The diagnostic report",
                    "slug": "diagnostic-report",
                    "summary": "Turning what you learnt into a report to build on.",
                    "body": [
                        paragraph(
                            "<p>The diagnostic report brings together the findings of "
                            "the research into the local situation. It is the basis "
                            "of the next stage, developing the local strategy.</p>"
                        ),
                        heading("What the report covers"),
                        paragraph(
                            "<ol><li>The community: who the third-country nationals "
                            "in your municipality are and what they need.</li>"
                            "<li>Existing services: what the library, the "
                            "municipality and integration institutions already "
                            "offer.</li><li>Barriers: language, lack of information, "
                            "time, trust.</li><li>Opportunities: where the partners "
                            "can act together.</li><li>Methods: whom you spoke to and "
                            "how (without names).</li></ol>"
                        ),
                        reflection(
                            "Which finding in your data surprised you most, and what "
                            "does it mean for the library's work?"
                        ),
                        knowledge_check(
                            "en",
                            "Three questions on the diagnostics stage.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "What does the local diagnostics stage start with?",
                                    [
                                        (
                                            "A local mobility event",
                                            True,
                                            "Yes: the partners meet and agree what "
                                            "to research and how.",
                                        ),
                                        (
                                            "A hackathon",
                                            False,
                                            "The hackathon comes later, while the "
                                            "strategy is developed.",
                                        ),
                                        (
                                            "Publishing the diagnostic report",
                                            False,
                                            "The report is what diagnostics ends "
                                            "with, not where it starts.",
                                        ),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Which are ways of collecting data in diagnostics?",
                                    [
                                        (
                                            "Interviews",
                                            True,
                                            "Yes, interviews are one of the main "
                                            "methods.",
                                        ),
                                        (
                                            "Focus groups",
                                            True,
                                            "Yes, participants talk through their "
                                            "experience together.",
                                        ),
                                        (
                                            "Publishing visitors' personal data",
                                            False,
                                            "No: the report leaves names out and "
                                            "personal data is never published.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "en",
                                    "The diagnostic report is the basis for "
                                    "developing the local strategy.",
                                    True,
                                    "Right: the strategy builds on the diagnostics.",
                                    "Not so: the strategy builds on exactly this "
                                    "report.",
                                ),
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "course-local-strategy",
        "level": "intermediate",
        "topics": ["local-strategy", "partnerships"],
        "prerequisites": ["course-local-diagnostics"],
        "lv": {
            "title": "Vietējās stratēģijas izstrāde",
            "slug": "vietejas-strategijas-izstrade",
            "summary": (
                "Otrais projekta posms: stratēģija, kas balstīta uz diagnostiku un "
                "vietējās kopienas īpatnībām, un partnerība, kas problēmas nosaka "
                "kopā."
            ),
            "outcomes": [
                "Aprakstīt bibliotēkas, pašvaldības un integrācijas iestādes lomu.",
                "No diagnostikas atziņām formulēt stratēģiskos mērķus.",
                "Sagatavot partnerību kopīgai problēmu noteikšanai hakatonā.",
            ],
        },
        "en": {
            "title": "Local strategy development",
            "slug": "local-strategy-development",
            "summary": (
                "The project's second stage: a strategy built on the diagnostics and "
                "the local community's specifics, and a partnership that identifies "
                "problems together."
            ),
            "outcomes": [
                "Describe the roles of the library, the municipality and the "
                "integration institution.",
                "Turn the findings of diagnostics into strategic goals.",
                "Prepare the partnership to identify problems together at a hackathon.",
            ],
        },
        "lessons": [
            {
                "key": "lesson-strategy-partnership",
                "minutes": 15,
                "lv": {
                    "title": "Partnerība: bibliotēka, pašvaldība, integrācijas iestāde",
                    "slug": "partneriba",
                    "summary": "Kas ir vietējā partnerība un kā tajā sadala lomas.",
                    "body": [
                        paragraph(
                            "<p>Katrā LIBRI vietējā partnerībā ir trīs dalībnieki: "
                            "bibliotēka, pašvaldība (vai tās sociālais dienests vai "
                            "kultūras pārvalde) un integrācijas iestāde – biedrība "
                            "vai valsts iestāde. Latvijā darbojas desmit "
                            "partnerības.</p>"
                        ),
                        heading("Piemēri no Latvijas"),
                        paragraph(
                            "<ul><li>Ogres Centrālā bibliotēka, Ogres novada "
                            "Sociālais dienests un biedrība “Latvijas Sarkanais "
                            "Krusts”.</li><li>Ventspils bibliotēka, Ventspils novada "
                            "pašvaldība un biedrība “Kobzar”.</li><li>Siguldas "
                            "novada bibliotēka, Siguldas novada Sociālais dienests "
                            "un biedrība “r.a. Siltumnīca”; partnerība 21. februārī "
                            "parakstīja nodomu protokolu.</li></ul>"
                        ),
                        reflection(
                            "Ko katrs no trim partneriem jūsu pašvaldībā var dot "
                            "kopīgajam darbam, ko citi nevar?"
                        ),
                    ],
                },
                "en": {
                    "title": "The partnership: library, municipality, integration "
                    "institution",
                    "slug": "the-partnership",
                    "summary": "What a local partnership is and how roles are shared.",
                    "body": [
                        paragraph(
                            "<p>Every LIBRI local partnership has three members: a "
                            "library, a municipality (or its social service or "
                            "culture department) and an integration institution – an "
                            "NGO or a public body. Ten partnerships work in "
                            "Latvia.</p>"
                        ),
                        heading("Examples from Latvia"),
                        paragraph(
                            "<ul><li>Ogres Centrālā bibliotēka, Ogres novada "
                            "Sociālais dienests and the NGO “Latvijas Sarkanais "
                            "Krusts” (Latvian Red Cross).</li><li>Ventspils "
                            "bibliotēka, Ventspils novada pašvaldība and the NGO "
                            "“Kobzar”.</li><li>Siguldas novada bibliotēka, Siguldas "
                            "novada Sociālais dienests and the NGO “r.a. Siltumnīca”; "
                            "the partnership signed a memorandum of intent on 21 "
                            "February.</li></ul>"
                        ),
                        reflection(
                            "What can each of the three partners in your "
                            "municipality bring to the joint work that the others "
                            "cannot?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-strategy-goals",
                "minutes": 20,
                "lv": {
                    "title": "No diagnostikas līdz stratēģiskajiem mērķiem",
                    "slug": "no-diagnostikas-lidz-merkiem",
                    "summary": "Kā diagnostikas atziņas kļūst par mērķiem un rīcību.",
                    "body": [
                        paragraph(
                            "<p>Vietējā stratēģija balstās uz diagnostiku un uz "
                            "vietējās kopienas īpatnībām. Vienā pašvaldībā "
                            "galvenais šķērslis ir valoda, citā – informācijas "
                            "trūkums par iestādēm vai tas, ka cilvēki nepazīst "
                            "kaimiņus.</p>"
                        ),
                        heading("Mērķi, rīcība, atbildība"),
                        paragraph(
                            "<p>Katram mērķim pierakstiet, kuru diagnostikas atziņu "
                            "tas risina, kādas darbības to īstenos, kurš partneris "
                            "par tām atbild un kā redzēsiet, ka tās darbojas.</p>"
                        ),
                        reflection(
                            "Kurš būtu jūsu pirmais stratēģiskais mērķis, un uz kuru "
                            "diagnostikas atziņu tas atbild?"
                        ),
                    ],
                },
                "en": {
                    "title": "From diagnostics to strategic goals",
                    "slug": "from-diagnostics-to-goals",
                    "summary": "How findings become goals and actions.",
                    "body": [
                        paragraph(
                            "<p>The local strategy is built on the diagnostics and on "
                            "the local community's specifics. In one municipality "
                            "the main barrier is language; in another it is a lack "
                            "of information about institutions, or people not "
                            "knowing their neighbours.</p>"
                        ),
                        heading("Goals, actions, responsibility"),
                        paragraph(
                            "<p>For each goal, write down which finding of the "
                            "diagnostics it answers, which actions will achieve it, "
                            "which partner is responsible for them and how you will "
                            "see that they work.</p>"
                        ),
                        reflection(
                            "What would be your first strategic goal, and which "
                            "finding of the diagnostics does it answer?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-strategy-hackathon",
                "minutes": 20,
                "lv": {
                    "title": "Problēmu kopīga noteikšana hakatonā",
                    "slug": "problemu-noteiksana-hakatona",
                    "summary": "Kāpēc partnerība problēmas nosaka kopā ar kopienu.",
                    "body": [
                        paragraph(
                            "<p>Stratēģiju neraksta viena iestāde. Partnerība "
                            "problēmas nosaka kopīgi hakatonā, kurā piedalās "
                            "bibliotekāri, pašvaldības un integrācijas iestāžu "
                            "darbinieki, kā arī trešo valstu pilsoņi un vietējie "
                            "iedzīvotāji.</p>"
                        ),
                        paragraph(
                            "<p>Visu Latvijas partneru mācību tikšanās notika "
                            "2025. gada 27. maijā Ogres Centrālajā "
                            "bibliotēkā. Nākamais modulis stāsta, kā hakatonu "
                            "sagatavot un vadīt.</p>"
                        ),
                        knowledge_check(
                            "lv",
                            "Četri jautājumi par vietējās stratēģijas izstrādi.",
                            [
                                (
                                    MULTIPLE_CHOICE,
                                    "Kas veido LIBRI vietējo partnerību?",
                                    [
                                        (
                                            "Bibliotēka",
                                            True,
                                            "Jā, bibliotēka ir viens no trim "
                                            "partneriem.",
                                        ),
                                        (
                                            "Pašvaldība vai tās sociālais dienests",
                                            True,
                                            "Jā, pašvaldība ir viens no trim "
                                            "partneriem.",
                                        ),
                                        (
                                            "Integrācijas iestāde",
                                            True,
                                            "Jā: biedrība vai valsts iestāde.",
                                        ),
                                        (
                                            "Komercbanka",
                                            False,
                                            "Nē, partnerībā ir bibliotēka, "
                                            "pašvaldība un integrācijas iestāde.",
                                        ),
                                    ],
                                ),
                                (
                                    SINGLE_CHOICE,
                                    "Uz ko balstās vietējā stratēģija?",
                                    [
                                        (
                                            "Uz diagnostiku un vietējās kopienas "
                                            "īpatnībām",
                                            True,
                                            "Pareizi.",
                                        ),
                                        (
                                            "Uz citas valsts stratēģijas kopiju",
                                            False,
                                            "Citu pieredze noder, bet stratēģija "
                                            "balstās uz vietējo situāciju.",
                                        ),
                                        (
                                            "Tikai uz bibliotēkas statistiku",
                                            False,
                                            "Statistika ir tikai viens no "
                                            "diagnostikas avotiem.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "lv",
                                    "Problēmas stratēģijai bibliotēka nosaka viena "
                                    "pati.",
                                    False,
                                    "Nē: partnerība problēmas nosaka kopīgi hakatonā.",
                                    "Pareizi: problēmas partnerība nosaka kopīgi "
                                    "hakatonā.",
                                ),
                                true_false(
                                    "lv",
                                    "Latvijā darbojas desmit LIBRI vietējās "
                                    "partnerības.",
                                    True,
                                    "Pareizi.",
                                    "Latvijā darbojas tieši desmit partnerības.",
                                ),
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Identifying problems together at a hackathon",
                    "slug": "identifying-problems-at-a-hackathon",
                    "summary": "Why the partnership defines problems with the "
                    "community.",
                    "body": [
                        paragraph(
                            "<p>No single institution writes the strategy. The "
                            "partnership identifies problems together at a "
                            "hackathon with librarians, staff of the municipality "
                            "and of integration institutions, third-country "
                            "nationals and local residents.</p>"
                        ),
                        paragraph(
                            "<p>A training meeting of all Latvian partners was "
                            "held on 27 May 2025 at Ogre Central "
                            "Library. The next module shows how to prepare and run "
                            "a hackathon.</p>"
                        ),
                        knowledge_check(
                            "en",
                            "Four questions on developing the local strategy.",
                            [
                                (
                                    MULTIPLE_CHOICE,
                                    "Who makes up a LIBRI local partnership?",
                                    [
                                        (
                                            "A library",
                                            True,
                                            "Yes, the library is one of the three "
                                            "partners.",
                                        ),
                                        (
                                            "The municipality or its social service",
                                            True,
                                            "Yes, the municipality is one of the "
                                            "three partners.",
                                        ),
                                        (
                                            "An integration institution",
                                            True,
                                            "Yes: an NGO or a public body.",
                                        ),
                                        (
                                            "A commercial bank",
                                            False,
                                            "No: the partners are a library, a "
                                            "municipality and an integration "
                                            "institution.",
                                        ),
                                    ],
                                ),
                                (
                                    SINGLE_CHOICE,
                                    "What is the local strategy built on?",
                                    [
                                        (
                                            "The diagnostics and the local "
                                            "community's specifics",
                                            True,
                                            "Right.",
                                        ),
                                        (
                                            "A copy of another country's strategy",
                                            False,
                                            "Others' experience helps, but the "
                                            "strategy builds on the local "
                                            "situation.",
                                        ),
                                        (
                                            "Library statistics alone",
                                            False,
                                            "Statistics are only one source for "
                                            "the diagnostics.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "en",
                                    "The library identifies the strategy's problems "
                                    "on its own.",
                                    False,
                                    "No: the partnership identifies problems "
                                    "together at a hackathon.",
                                    "Right: the partnership identifies problems "
                                    "together at a hackathon.",
                                ),
                                true_false(
                                    "en",
                                    "Ten LIBRI local partnerships work in Latvia.",
                                    True,
                                    "Right.",
                                    "There are exactly ten partnerships in Latvia.",
                                ),
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "course-hackathons",
        "level": "intermediate",
        "topics": ["hackathons", "community-engagement"],
        "prerequisites": ["course-local-strategy"],
        "lv": {
            "title": "Hakatonu organizēšana",
            "slug": "hakatonu-organizesana",
            "summary": (
                "Trešais projekta posms: kā sagatavot un vadīt hakatonu, kāda ir "
                "piecu hakatonu pieredze Latvijā 2025. gadā un kā idejas pārvērst "
                "rīcībā."
            ),
            "outcomes": [
                "Sagatavot hakatonu: dalībnieki, vieta, uzdevums, vadītāji.",
                "Izmantot Latvijas hakatonu pieredzi savā plānošanā.",
                "Sakārtot idejas pēc stratēģiskajiem mērķiem.",
            ],
        },
        "en": {
            "title": "Organising hackathons",
            "slug": "organising-hackathons",
            "summary": (
                "The project's third stage: how to prepare and run a hackathon, what "
                "five hackathons in Latvia in 2025 taught, and how to turn ideas "
                "into action."
            ),
            "outcomes": [
                "Prepare a hackathon: participants, venue, challenge, facilitators.",
                "Use the experience of the Latvian hackathons in your planning.",
                "Sort ideas by strategic goal.",
            ],
        },
        "lessons": [
            {
                "key": "lesson-hackathons-format",
                "minutes": 15,
                "lv": {
                    "title": "Hakatona formāts un sagatavošanās",
                    "slug": "hakatona-formats",
                    "summary": "Kas ir hakatons un kā to sagatavot.",
                    "body": [
                        paragraph(
                            "<p>Hakatons ir īss, intensīvs kopdarbs, kurā jauktas "
                            "komandas meklē risinājumus konkrētām problēmām. LIBRI "
                            "hakatonos piedalās bibliotekāri, partneru iestāžu "
                            "darbinieki, trešo valstu pilsoņi un vietējie "
                            "iedzīvotāji.</p>"
                        ),
                        heading("Sagatavošanās"),
                        paragraph(
                            "<ul><li>Formulējiet uzdevumu, balstoties uz "
                            "diagnostikas atziņām.</li><li>Uzaiciniet dažādus "
                            "dalībniekus un "
                            "parūpējieties par tulkiem.</li><li>Izvēlieties "
                            "pieejamu vietu – bieži tā ir pati bibliotēka.</li>"
                            "<li>Sagatavojiet vadītājus, kas palīdz komandām un "
                            "seko laikam.</li></ul>"
                        ),
                        reflection(
                            "Kas jūsu pašvaldībā varētu atturēt trešo valstu "
                            "pilsoņus no dalības hakatonā, un kā to novērst?"
                        ),
                    ],
                },
                "en": {
                    "title": "The hackathon format and preparation",
                    "slug": "hackathon-format",
                    "summary": "What a hackathon is and how to prepare one.",
                    "body": [
                        paragraph(
                            "<p>A hackathon is a short, intense joint effort where "
                            "mixed teams look for solutions to concrete problems. "
                            "LIBRI hackathons bring together librarians, staff of "
                            "partner institutions, third-country nationals and local "
                            "residents.</p>"
                        ),
                        heading("Preparation"),
                        paragraph(
                            "<ul><li>Frame the challenge from the findings of the "
                            "diagnostics.</li><li>Invite a mix of participants and "
                            "arrange interpreters.</li><li>Choose an accessible "
                            "venue – often the library itself.</li><li>Prepare "
                            "facilitators who help teams and keep time.</li></ul>"
                        ),
                        reflection(
                            "What might keep third-country nationals in your "
                            "municipality from taking part in a hackathon, and how "
                            "would you remove it?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-hackathons-2025",
                "minutes": 15,
                "lv": {
                    "title": "Pieci hakatoni Latvijā 2025. gadā",
                    "slug": "pieci-hakatoni-2025",
                    "summary": "Kur, kad un ar cik dalībniekiem notika hakatoni.",
                    "body": [
                        paragraph(
                            "<p>2025. gadā Latvijā notika pieci hakatoni, kopā 124 "
                            "dalībnieki:</p><ul><li>22. augustā Rēzeknes Centrālajā "
                            "bibliotēkā – 28 dalībnieki;</li><li>25. augustā "
                            "Latgales Centrālajā bibliotēkā Daugavpilī – 26 "
                            "dalībnieki;</li><li>5. septembrī Ventspils bibliotēkā "
                            "kopā ar Saldus un Liepājas bibliotēkām – 29 "
                            "dalībnieki;</li><li>12. septembrī Jēkabpils Galvenajā "
                            "bibliotēkā – 12 dalībnieki;</li><li>16. septembrī "
                            "Ogres Centrālajā bibliotēkā kopā ar Jelgavas, Siguldas "
                            "un Salaspils bibliotēkām – 29 dalībnieki.</li></ul>"
                        ),
                        paragraph(
                            "<p>Divos hakatonos piedalījās vairākas bibliotēkas: "
                            "kopīgs hakatons ļauj mazākām partnerībām dalīties ar "
                            "idejām un organizēšanas darbu.</p>"
                        ),
                    ],
                },
                "en": {
                    "title": "Five hackathons in Latvia in 2025",
                    "slug": "five-hackathons-2025",
                    "summary": "Where, when and with how many participants.",
                    "body": [
                        paragraph(
                            "<p>Five hackathons were held in Latvia in 2025, with 124 "
                            "participants in all:</p><ul><li>22 August, Rēzekne "
                            "Central Library – 28 participants;</li><li>25 August, "
                            "Latgale Central Library in Daugavpils – 26 "
                            "participants;</li><li>5 September, Ventspils Library, "
                            "with the Saldus and Liepāja libraries – 29 "
                            "participants;</li><li>12 September, Jēkabpils Main "
                            "Library – 12 participants;</li><li>16 September, Ogre "
                            "Central Library, with the Jelgava, Sigulda and Salaspils "
                            "libraries – 29 participants.</li></ul>"
                        ),
                        paragraph(
                            "<p>Two of the hackathons brought several libraries "
                            "together: a joint hackathon lets smaller partnerships "
                            "share ideas and the work of organising.</p>"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-hackathons-ideas",
                "minutes": 20,
                "lv": {
                    "title": "No idejām līdz rīcībai",
                    "slug": "no-idejam-lidz-ricibai",
                    "summary": "Hakatonu idejas pa stratēģiskajiem mērķiem.",
                    "body": [
                        paragraph(
                            "<p>Hakatonu idejas sakārtoja pēc četriem stratēģiskajiem "
                            "mērķiem:</p><ul><li><b>Valodas un kultūrpratība</b>: "
                            "sarunu klubi, valodu “ātrie randiņi”, galda spēļu un "
                            "stāstu vakari, tiešsaistes sarunu klubi.</li><li><b>"
                            "Digitālās prasmes</b>: apmācības ar tulka atbalstu, lai "
                            "migranti apgūtu vajadzīgās prasmes un vieglāk "
                            "orientētos jaunajā vidē.</li><li><b>Informācijas "
                            "pieejamība</b>: e-resursi, bukleti par iestādēm, "
                            "veselību, izglītību un finansēm, ziņotāju grupas, kopīgs "
                            "kalendārs.</li><li><b>Kopienas iesaiste</b>: ģimeņu "
                            "kultūras vakari, iniciatīva “ģimene ģimenei”, "
                            "kopradīšanas darbnīcas, aktivitātes brīvā dabā.</li>"
                            "</ul>"
                        ),
                        reflection(
                            "Kuru no šīm idejām jūsu bibliotēka varētu sākt nākamajā "
                            "mēnesī ar jau esošajiem resursiem?"
                        ),
                        knowledge_check(
                            "lv",
                            "Trīs jautājumi par hakatoniem.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "Cik dalībnieku kopā piedalījās piecos "
                                    "hakatonos Latvijā 2025. gadā?",
                                    [
                                        ("58", False, "Tas ir par maz."),
                                        (
                                            "124",
                                            True,
                                            "Pareizi: 28 + 26 + 29 + 12 + 29.",
                                        ),
                                        ("250", False, "Tas ir par daudz."),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Kuras idejas attiecas uz valodas un "
                                    "kultūrpratības mērķi?",
                                    [
                                        ("Sarunu klubi", True, "Jā."),
                                        (
                                            "Galda spēļu un stāstu vakari",
                                            True,
                                            "Jā, arī tie palīdz apgūt valodu.",
                                        ),
                                        (
                                            "Bukleti par veselību un finansēm",
                                            False,
                                            "Tie attiecas uz informācijas pieejamību.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "lv",
                                    "Digitālo prasmju apmācības hakatonu idejās "
                                    "paredz tulka atbalstu.",
                                    True,
                                    "Pareizi: tulks palīdz apgūt prasmes "
                                    "saprotamā valodā.",
                                    "Patiesībā tulka atbalsts ir šīs idejas būtība.",
                                ),
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "From ideas to action",
                    "slug": "from-ideas-to-action",
                    "summary": "The hackathons' ideas by strategic goal.",
                    "body": [
                        paragraph(
                            "<p>The hackathons' ideas were sorted under four "
                            "strategic goals:</p><ul><li><b>Language and cultural "
                            "literacy</b>: conversation clubs, language “speed "
                            "dating”, board-game and story evenings, online "
                            "conversation clubs.</li><li><b>Digital skills</b>: "
                            "training with interpreter support, so that finding "
                            "one's way in the new environment is easier.</li><li><b>"
                            "Access to information</b>: e-resources, booklets about "
                            "institutions, health, education and finance, messenger "
                            "groups, a shared calendar.</li><li><b>Community "
                            "engagement</b>: family culture evenings, a “family to "
                            "family” initiative, co-creation workshops, outdoor "
                            "activities.</li></ul>"
                        ),
                        reflection(
                            "Which of these ideas could your library start next month "
                            "with the resources it already has?"
                        ),
                        knowledge_check(
                            "en",
                            "Three questions on the hackathons.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "How many participants took part in the five "
                                    "hackathons in Latvia in 2025?",
                                    [
                                        ("58", False, "That is too few."),
                                        ("124", True, "Right: 28 + 26 + 29 + 12 + 29."),
                                        ("250", False, "That is too many."),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Which ideas belong to the language and "
                                    "cultural literacy goal?",
                                    [
                                        ("Conversation clubs", True, "Yes."),
                                        (
                                            "Board-game and story evenings",
                                            True,
                                            "Yes, they build language too.",
                                        ),
                                        (
                                            "Booklets on health and finance",
                                            False,
                                            "They belong to access to information.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "en",
                                    "The hackathons' digital-skills training ideas "
                                    "include interpreter support.",
                                    True,
                                    "Right: an interpreter helps people learn in a "
                                    "language they understand.",
                                    "In fact interpreter support is the heart of "
                                    "this idea.",
                                ),
                            ],
                        ),
                    ],
                },
            },
        ],
    },
    {
        "key": "course-impact-sustainability",
        "level": "advanced",
        "topics": ["impact-sustainability", "intercultural-communication"],
        "prerequisites": ["course-hackathons"],
        "lv": {
            "title": "Stratēģijas ietekme un ilgtspēja",
            "slug": "ietekme-un-ilgtspeja",
            "summary": (
                "Ceturtais projekta posms: kā novērtēt paveikto, kā darbs turpinās "
                "prakses kopienā un kādi rezultāti paliek pēc projekta."
            ),
            "outcomes": [
                "Izvēlēties, kā novērtēt stratēģijas ietekmi.",
                "Iesaistīties prakses kopienā un ikmēneša vebināros.",
                "Zināt projekta rezultātus un kur tie ir pieejami.",
            ],
        },
        "en": {
            "title": "Impact and sustainability of the strategy",
            "slug": "impact-and-sustainability",
            "summary": (
                "The project's fourth stage: how to assess what was achieved, how the "
                "work goes on in the community of practice and which results last "
                "beyond the project."
            ),
            "outcomes": [
                "Choose how to assess the strategy's impact.",
                "Take part in the community of practice and the monthly webinars.",
                "Know the project's results and where to find them.",
            ],
        },
        "lessons": [
            {
                "key": "lesson-impact-assessing",
                "minutes": 15,
                "lv": {
                    "title": "Ietekmes novērtēšana",
                    "slug": "ietekmes-novertesana",
                    "summary": "Ko un kā mērīt, lai zinātu, vai stratēģija darbojas.",
                    "body": [
                        paragraph(
                            "<p>Ietekmi novērtē pēc mērķiem, ko partnerība izvirzīja "
                            "stratēģijā. Skaitļi – cik cilvēku apmeklē sarunu klubu, "
                            "cik jaunu lasītāju reģistrējās – jāpapildina ar "
                            "dalībnieku stāstiem par to, kas viņu dzīvē "
                            "mainījies.</p>"
                        ),
                        reflection(
                            "Kā pēc gada sapratīsiet, ka jūsu stratēģija ir izdevusies?"
                        ),
                    ],
                },
                "en": {
                    "title": "Assessing impact",
                    "slug": "assessing-impact",
                    "summary": "What to measure to know whether the strategy works.",
                    "body": [
                        paragraph(
                            "<p>Impact is assessed against the goals the partnership "
                            "set in its strategy. Numbers – how many people come to "
                            "the conversation club, how many new readers signed up – "
                            "need participants' stories of what changed in their "
                            "lives beside them.</p>"
                        ),
                        reflection(
                            "How will you know, a year from now, that your strategy "
                            "has worked?"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-impact-community",
                "minutes": 15,
                "lv": {
                    "title": "Prakses kopiena un vebināri",
                    "slug": "prakses-kopiena-un-vebinari",
                    "summary": "Kā darbs turpinās kopā ar 50 Eiropas bibliotēkām.",
                    "body": [
                        paragraph(
                            "<p>Prakses kopiena profesionālajā sociālajā tīklā "
                            "apvieno 50 Eiropas bibliotēkas. Tajā dalās ar "
                            "ierakstiem, faktiem, padomiem, ieteikumiem un labo "
                            "praksi, kā arī ar padomiem, kā izplatīt projekta "
                            "metodiskos materiālus un rīkus.</p>"
                        ),
                        paragraph(
                            "<p>Katru mēnesi notiek vebinārs par projekta tēmām, "
                            "piemēram, par biežākajiem integrācijas šķēršļiem, par "
                            "bērniem, jauniešiem un ģimenēm un par mazaizsargāto "
                            "lietotāju vajadzībām.</p>"
                        ),
                    ],
                },
                "en": {
                    "title": "The community of practice and webinars",
                    "slug": "community-of-practice-and-webinars",
                    "summary": "How the work goes on with 50 European libraries.",
                    "body": [
                        paragraph(
                            "<p>A community of practice on a professional social "
                            "network joins 50 European libraries. Members share "
                            "posts, facts, tips, recommendations and good practice, "
                            "and advice on spreading the project's methodological "
                            "materials and tools.</p>"
                        ),
                        paragraph(
                            "<p>A webinar on the project's topics is held every "
                            "month, for example on the most common integration "
                            "obstacles, on children, youth and families, and on the "
                            "needs of vulnerable users.</p>"
                        ),
                    ],
                },
            },
            {
                "key": "lesson-impact-results",
                "minutes": 20,
                "lv": {
                    "title": "Rezultāti, kas paliek",
                    "slug": "rezultati-kas-paliek",
                    "summary": "Ko projekts atstāj bibliotēkām pēc 2026. gada maija.",
                    "body": [
                        paragraph(
                            "<ul><li>Atbalsta iniciatīvu karte bibliotēkās un citās "
                            "vietējās iestādēs.</li><li>Ceļveži un tiešsaistes rīki "
                            "bibliotekāriem starpkultūru komunikācijai.</li><li>"
                            "Labās prakses piemēri trešo valstu pilsoņu "
                            "integrācijā.</li><li>Metodoloģija un stratēģijas EBLIDA "
                            "platformā E-PANEMA.</li><li>Partnerības rokasgrāmata ar "
                            "praktiskiem padomiem un pieredzes stāstiem.</li></ul>"
                        ),
                        knowledge_check(
                            "lv",
                            "Trīs jautājumi par ietekmi un ilgtspēju.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "Cik Eiropas bibliotēku apvieno prakses kopiena?",
                                    [
                                        (
                                            "10",
                                            False,
                                            "Desmit ir partnerību skaits Latvijā.",
                                        ),
                                        ("50", True, "Pareizi."),
                                        (
                                            "124",
                                            False,
                                            "Tik dalībnieku bija hakatonos.",
                                        ),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Kuri ir projekta paredzamie rezultāti?",
                                    [
                                        (
                                            "Atbalsta iniciatīvu karte",
                                            True,
                                            "Jā.",
                                        ),
                                        (
                                            "Metodoloģija platformā E-PANEMA",
                                            True,
                                            "Jā, to izvieto EBLIDA platformā.",
                                        ),
                                        (
                                            "Jauna bibliotēkas ēka katrā pilsētā",
                                            False,
                                            "Nē, projekts nebūvē ēkas.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "lv",
                                    "Vebināri par projekta tēmām notiek reizi gadā.",
                                    False,
                                    "Nē, vebināri notiek katru mēnesi.",
                                    "Pareizi: vebināri notiek katru mēnesi.",
                                ),
                            ],
                        ),
                    ],
                },
                "en": {
                    "title": "Results that last",
                    "slug": "results-that-last",
                    "summary": "What the project leaves libraries after May 2026.",
                    "body": [
                        paragraph(
                            "<ul><li>A map of support initiatives in libraries and "
                            "other local institutions.</li><li>Guides and online "
                            "tools for librarians' intercultural "
                            "communication.</li><li>Good-practice examples of "
                            "integrating third-country nationals.</li><li>The "
                            "methodology and strategies on EBLIDA's E-PANEMA "
                            "platform.</li><li>The partnership handbook, with "
                            "practical tips and stories of national "
                            "experience.</li></ul>"
                        ),
                        knowledge_check(
                            "en",
                            "Three questions on impact and sustainability.",
                            [
                                (
                                    SINGLE_CHOICE,
                                    "How many European libraries does the "
                                    "community of practice join?",
                                    [
                                        (
                                            "10",
                                            False,
                                            "Ten is the number of partnerships in "
                                            "Latvia.",
                                        ),
                                        ("50", True, "Right."),
                                        (
                                            "124",
                                            False,
                                            "That many took part in the hackathons.",
                                        ),
                                    ],
                                ),
                                (
                                    MULTIPLE_CHOICE,
                                    "Which are expected results of the project?",
                                    [
                                        ("A map of support initiatives", True, "Yes."),
                                        (
                                            "The methodology on E-PANEMA",
                                            True,
                                            "Yes, on EBLIDA's platform.",
                                        ),
                                        (
                                            "A new library building in every town",
                                            False,
                                            "No, the project builds no buildings.",
                                        ),
                                    ],
                                ),
                                true_false(
                                    "en",
                                    "Webinars on the project's topics are held once "
                                    "a year.",
                                    False,
                                    "No, they are held every month.",
                                    "Right: they are held every month.",
                                ),
                            ],
                        ),
                    ],
                },
            },
        ],
    },
]


def catalogue_fields(language):
    return {**CATALOGUE[language], "show_in_menus": True}


def course_fields(course, language, prerequisites):
    text = course[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "learning_outcomes": [("outcome", outcome) for outcome in text["outcomes"]],
        "level": course["level"],
        "estimated_minutes": sum(lesson["minutes"] for lesson in course["lessons"]),
        "prerequisites": prerequisites,
        "topic_items": [
            CoursePageTopic(tag=topic)
            for topic in Topic.objects.filter(slug__in=course["topics"])
        ],
    }


def lesson_fields(lesson, language):
    text = lesson[language]
    return {
        "title": text["title"],
        "slug": text["slug"],
        "summary": text["summary"],
        "search_description": text["summary"],
        "estimated_minutes": lesson["minutes"],
        "body": text["body"],
    }


def ensure_child(parent, model, key, fields):
    """The Latvian page with this demo key, created under ``parent`` if missing."""
    page = model.objects.filter(
        translation_key=demo_key(key), locale=parent.locale
    ).first()
    if page is None:
        page = parent.add_child(
            instance=model(
                locale=parent.locale, translation_key=demo_key(key), **fields
            )
        )
        publish(page)
    return page


@transaction.atomic
def load():
    """The catalogue and four courses with their lessons, in Latvian and English."""
    locales = ensure_locales()
    home = HomePage.objects.get(translation_key=demo_key("home"), locale=locales["lv"])
    catalogue = ensure_child(home, CourseIndexPage, "courses", catalogue_fields("lv"))
    ensure_translation(catalogue, locales["en"], catalogue_fields("en"))
    courses = {}
    for course in COURSES:
        required = [courses[key] for key in course.get("prerequisites", [])]
        latvian = ensure_child(
            catalogue,
            CoursePage,
            course["key"],
            course_fields(course, "lv", [page for page, _en in required]),
        )
        english = ensure_translation(
            latvian,
            locales["en"],
            course_fields(course, "en", [en for _lv, en in required]),
        )
        courses[course["key"]] = (latvian, english)
        for lesson in course["lessons"]:
            page = ensure_child(
                latvian, LessonPage, lesson["key"], lesson_fields(lesson, "lv")
            )
            ensure_translation(page, locales["en"], lesson_fields(lesson, "en"))
