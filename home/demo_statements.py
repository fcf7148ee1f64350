"""The accessibility statement and the privacy notice, in the four site languages.

The accessibility statement follows the structure of the EU model statement
(Commission Implementing Decision (EU) 2018/1523); the privacy notice lists what
the platform's code actually stores.
"""

ACCESSIBILITY = {
    "lv": {
        "title": "Piekļūstamības paziņojums",
        "slug": "pieklustamiba",
        "summary": "Cik piekļūstama ir LIBRI mācību platforma un kā ziņot par "
        "problēmām.",
        "sections": [
            (
                "Mūsu apņemšanās",
                "<p>Kultūras informācijas sistēmu centrs vēlas, lai LIBRI platformu "
                "varētu lietot ikviens: arī ar ekrāna lasītāju, tikai ar tastatūru, "
                "tālrunī vai ar palielinātu tekstu.</p>",
            ),
            (
                "Atbilstības statuss",
                "<p>Platforma daļēji atbilst standartam EN 301 549 un WCAG 2.1 AA "
                "līmenim. Neatbilstības ir uzskaitītas zemāk.</p>",
            ),
            (
                "Kā mēs to pārbaudām",
                "<ul><li>Katru lapu veidu pirms katras versijas automātiski pārbauda "
                "ar axe-core īstā pārlūkā, platumā 320 un 1280 pikseļi.</li>"
                "<li>Galvenās darbības (mācību modulis, zināšanu pārbaude, "
                "pieteikšanās jaunumu apkopojumam) tiek izmēģinātas tikai ar "
                "tastatūru.</li></ul>",
            ),
            (
                "Zināmās neatbilstības",
                "<ul><li>Partneru sagatavotie PDF dokumenti var nebūt pilnībā "
                "piekļūstami; pieprasiet tos citā formātā.</li>"
                "<li>Ne visiem vecākajiem vebināru ierakstiem ir subtitri; katram "
                "ierakstam ir teksta atšifrējums.</li></ul>",
            ),
            (
                "Atsauksmes un saziņa",
                "<p>Ja kaut kas nav piekļūstams, rakstiet uz "
                '<a href="mailto:libri@example.org">libri@example.org</a>. '
                "Atbildēsim 10 darba dienu laikā un nosūtīsim saturu jums piemērotā "
                "formātā.</p><p>Ja atbilde jūs neapmierina, varat vērsties valsts "
                "uzraudzības iestādē, kas pārrauga tīmekļa vietņu piekļūstamību.</p>",
            ),
            (
                "Paziņojuma sagatavošana",
                "<p>Paziņojums sagatavots 2026. gada 26. novembrī, pamatojoties uz "
                "pašnovērtējumu un automātiskām pārbaudēm.</p>",
            ),
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "slug": "accessibility-statement",
        "summary": "How accessible the LIBRI learning platform is and how to report "
        "a problem.",
        "sections": [
            (
                "Our commitment",
                "<p>The Culture Information Systems Centre wants everyone to be able "
                "to use the LIBRI platform: with a screen reader, with the keyboard "
                "only, on a phone or with enlarged text.</p>",
            ),
            (
                "Compliance status",
                "<p>The platform is partially compliant with EN 301 549 and WCAG 2.1 "
                "level AA. The non-compliances are listed below.</p>",
            ),
            (
                "How we check",
                "<ul><li>Every page type is checked automatically with axe-core in a "
                "real browser, at 320 and 1280 pixels wide, before every release.</li>"
                "<li>The main tasks (a training module, a knowledge check, subscribing "
                "to the digest) are tried with the keyboard only.</li></ul>",
            ),
            (
                "Known non-compliances",
                "<ul><li>PDF documents prepared by partners may not be fully "
                "accessible; ask us for another format.</li>"
                "<li>Not every older webinar recording has captions; every recording "
                "has a text transcript.</li></ul>",
            ),
            (
                "Feedback and contact",
                "<p>If something is not accessible, write to "
                '<a href="mailto:libri@example.org">libri@example.org</a>. '
                "We answer within 10 working days and send the content in a format "
                "that suits you.</p><p>If our answer does not satisfy you, you can "
                "turn to the national body that monitors the accessibility of "
                "websites.</p>",
            ),
            (
                "Preparation of this statement",
                "<p>This statement was prepared on 26 November 2026, based on a "
                "self-assessment and automated checks.</p>",
            ),
        ],
    },
    "uk": {
        "title": "Заява про доступність",
        "slug": "dostupnist",
        "summary": "Наскільки доступна навчальна платформа LIBRI і як повідомити "
        "про проблему.",
        "sections": [
            (
                "Наше зобов'язання",
                "<p>Центр культурних інформаційних систем хоче, щоб платформою LIBRI "
                "міг користуватися кожен: з програмою зчитування з екрана, лише з "
                "клавіатурою, на телефоні або зі збільшеним текстом.</p>",
            ),
            (
                "Стан відповідності",
                "<p>Платформа частково відповідає стандарту EN 301 549 і рівню AA "
                "WCAG 2.1. Невідповідності наведено нижче.</p>",
            ),
            (
                "Як ми перевіряємо",
                "<ul><li>Кожен тип сторінки перед кожним випуском автоматично "
                "перевіряється axe-core у справжньому браузері, на ширині 320 і 1280 "
                "пікселів.</li><li>Основні дії (навчальний модуль, перевірка знань, "
                "підписка на дайджест) перевіряються лише з клавіатурою.</li></ul>",
            ),
            (
                "Відомі невідповідності",
                "<ul><li>PDF-документи, підготовлені партнерами, можуть бути не "
                "повністю доступними; попросіть нас надати інший формат.</li>"
                "<li>Не всі старіші записи вебінарів мають субтитри; кожен запис має "
                "текстову розшифровку.</li></ul>",
            ),
            (
                "Відгуки та контакти",
                "<p>Якщо щось недоступне, напишіть на "
                '<a href="mailto:libri@example.org">libri@example.org</a>. '
                "Ми відповімо протягом 10 робочих днів і надішлемо матеріал у "
                "зручному для вас форматі.</p><p>Якщо відповідь вас не влаштовує, ви "
                "можете звернутися до національного органу, який наглядає за "
                "доступністю вебсайтів.</p>",
            ),
            (
                "Підготовка заяви",
                "<p>Заяву підготовлено 26 листопада 2026 року на основі самооцінки "
                "та автоматичних перевірок.</p>",
            ),
        ],
    },
    "ru": {
        "title": "Заявление о доступности",
        "slug": "dostupnost",
        "summary": "Насколько доступна учебная платформа LIBRI и как сообщить о "
        "проблеме.",
        "sections": [
            (
                "Наше обязательство",
                "<p>Центр культурных информационных систем хочет, чтобы платформой "
                "LIBRI мог пользоваться каждый: с программой чтения с экрана, только "
                "с клавиатурой, на телефоне или с увеличенным текстом.</p>",
            ),
            (
                "Статус соответствия",
                "<p>Платформа частично соответствует стандарту EN 301 549 и уровню "
                "AA WCAG 2.1. Несоответствия перечислены ниже.</p>",
            ),
            (
                "Как мы проверяем",
                "<ul><li>Каждый тип страницы перед каждым выпуском автоматически "
                "проверяется axe-core в настоящем браузере, при ширине 320 и 1280 "
                "пикселей.</li><li>Основные действия (учебный модуль, проверка "
                "знаний, подписка на дайджест) проверяются только с клавиатуры.</li>"
                "</ul>",
            ),
            (
                "Известные несоответствия",
                "<ul><li>PDF-документы, подготовленные партнёрами, могут быть не "
                "полностью доступны; попросите у нас другой формат.</li>"
                "<li>Не у всех старых записей вебинаров есть субтитры; у каждой "
                "записи есть текстовая расшифровка.</li></ul>",
            ),
            (
                "Отзывы и контакты",
                "<p>Если что-то недоступно, напишите на "
                '<a href="mailto:libri@example.org">libri@example.org</a>. '
                "Мы ответим в течение 10 рабочих дней и пришлём материал в удобном "
                "для вас формате.</p><p>Если ответ вас не устраивает, вы можете "
                "обратиться в национальный орган, который следит за доступностью "
                "веб-сайтов.</p>",
            ),
            (
                "Подготовка заявления",
                "<p>Заявление подготовлено 26 ноября 2026 года на основе "
                "самооценки и автоматических проверок.</p>",
            ),
        ],
    },
}

PRIVACY = {
    "lv": {
        "title": "Privātuma paziņojums",
        "slug": "privatums",
        "summary": "Kādus datus par jums glabā LIBRI platforma, kāpēc un kā tos "
        "lejupielādēt vai dzēst.",
        "sections": [
            (
                "Kas apstrādā datus",
                "<p>Platformu uztur Kultūras informācijas sistēmu centrs. Jautājumi: "
                '<a href="mailto:libri@example.org">libri@example.org</a>.</p>',
            ),
            (
                "Jaunumu apkopojuma saņēmēji",
                "<ul><li>e-pasta adrese, vārds un organizācija (ja norādīti);</li>"
                "<li>valoda, tēmas, biežums un vai saņemšana ir apturēta;</li>"
                "<li>piekrišanas ieraksti: darbība, laiks, teksta versija un "
                "avots;</li>"
                "<li>katra nosūtītā apkopojuma statuss un laiks.</li></ul>"
                "<p>Tiesiskais pamats ir jūsu piekrišana. Dati tiek glabāti, līdz "
                "atsakāties; tad paliek tikai adreses jaucējvērtība piekrišanas "
                "žurnālā, lai pierādītu atteikumu.</p>",
            ),
            (
                "Mācību dalībnieki",
                "<ul><li>konta e-pasts, vārds, organizācija un vēlamā valoda;</li>"
                "<li>pieteikšanās kursiem, pabeigtās nodarbības, zināšanu pārbaužu "
                "atbildes un rezultāti, kursu pabeigšanas datumi.</li></ul>"
                "<p>Dati tiek glabāti, kamēr pastāv konts. Dzēšot kontu, paliek tikai "
                "anonīma statistika.</p>",
            ),
            (
                "Ko mēs neglabājam",
                "<p>Nav izsekošanas sīkdatņu un trešo pušu analītikas. Sīkdatnes tiek "
                "izmantotas tikai pierakstīšanās sesijai un veidlapu aizsardzībai. "
                "Servera žurnālos nav e-pasta adrešu un saišu žetonu.</p>",
            ),
            (
                "Jūsu tiesības",
                "<p>Visus savus datus varat lejupielādēt JSON formātā un dzēst: "
                "apkopojuma saņēmēji – iestatījumu lapā (saite katrā e-pastā), mācību "
                "dalībnieki – sava konta lapā.</p>",
            ),
        ],
    },
    "en": {
        "title": "Privacy notice",
        "slug": "privacy-notice",
        "summary": "What the LIBRI platform holds about you, why, and how to download "
        "or erase it.",
        "sections": [
            (
                "Who processes the data",
                "<p>The platform is run by the Culture Information Systems Centre. "
                'Questions: <a href="mailto:libri@example.org">libri@example.org</a>.'
                "</p>",
            ),
            (
                "Digest subscribers",
                "<ul><li>email address, name and organisation (where given);</li>"
                "<li>language, topics, frequency and whether delivery is paused;</li>"
                "<li>consent records: action, time, wording version and source;</li>"
                "<li>the status and time of each digest sent.</li></ul>"
                "<p>The legal basis is your consent. The data is kept until you "
                "unsubscribe and erase it; then only a hash of the address stays in "
                "the consent log, as proof of the withdrawal.</p>",
            ),
            (
                "Learners",
                "<ul><li>account email, name, organisation and preferred language;</li>"
                "<li>course enrolments, completed lessons, knowledge-check answers and "
                "scores, course completion dates.</li></ul>"
                "<p>The data is kept while the account exists. Deleting the account "
                "leaves only anonymous statistics.</p>",
            ),
            (
                "What we do not hold",
                "<p>No tracking cookies and no third-party analytics. Cookies are used "
                "only for a signed-in session and to protect forms. Server logs hold "
                "no email addresses and no link tokens.</p>",
            ),
            (
                "Your rights",
                "<p>You can download everything held about you as JSON and erase it: "
                "subscribers on their preferences page (linked from every email), "
                "learners on their account page.</p>",
            ),
        ],
    },
    "uk": {
        "title": "Повідомлення про конфіденційність",
        "slug": "konfidentsiinist",
        "summary": "Які дані про вас зберігає платформа LIBRI, навіщо і як їх "
        "завантажити або видалити.",
        "sections": [
            (
                "Хто обробляє дані",
                "<p>Платформу підтримує Центр культурних інформаційних систем. "
                'Питання: <a href="mailto:libri@example.org">libri@example.org</a>.'
                "</p>",
            ),
            (
                "Підписники дайджесту",
                "<ul><li>адреса електронної пошти, ім'я та організація (якщо "
                "вказані);</li><li>мова, теми, частота і чи призупинено "
                "розсилку;</li><li>записи згоди: дія, час, версія тексту і "
                "джерело;</li><li>статус і час кожного надісланого дайджесту.</li>"
                "</ul><p>Правова підстава — ваша згода. Дані зберігаються, доки ви не "
                "відпишетеся і не видалите їх; після цього в журналі згоди лишається "
                "тільки хеш адреси як доказ відкликання.</p>",
            ),
            (
                "Учасники навчання",
                "<ul><li>електронна пошта облікового запису, ім'я, організація і "
                "бажана мова;</li><li>записи на курси, завершені уроки, відповіді та "
                "результати перевірок знань, дати завершення курсів.</li></ul>"
                "<p>Дані зберігаються, поки існує обліковий запис. Після його "
                "видалення лишається тільки анонімна статистика.</p>",
            ),
            (
                "Чого ми не зберігаємо",
                "<p>Жодних стежувальних файлів cookie і сторонньої аналітики. Файли "
                "cookie використовуються лише для сеансу входу і захисту форм. "
                "Журнали сервера не містять адрес електронної пошти і токенів "
                "посилань.</p>",
            ),
            (
                "Ваші права",
                "<p>Ви можете завантажити всі свої дані у форматі JSON і видалити їх: "
                "підписники — на сторінці налаштувань (посилання в кожному листі), "
                "учасники навчання — на сторінці свого облікового запису.</p>",
            ),
        ],
    },
    "ru": {
        "title": "Уведомление о конфиденциальности",
        "slug": "konfidentsialnost",
        "summary": "Какие данные о вас хранит платформа LIBRI, зачем и как их "
        "скачать или удалить.",
        "sections": [
            (
                "Кто обрабатывает данные",
                "<p>Платформу поддерживает Центр культурных информационных систем. "
                'Вопросы: <a href="mailto:libri@example.org">libri@example.org</a>.'
                "</p>",
            ),
            (
                "Подписчики дайджеста",
                "<ul><li>адрес электронной почты, имя и организация (если "
                "указаны);</li><li>язык, темы, периодичность и приостановлена ли "
                "рассылка;</li><li>записи согласия: действие, время, версия текста и "
                "источник;</li><li>статус и время каждого отправленного "
                "дайджеста.</li></ul><p>Правовое основание — ваше согласие. Данные "
                "хранятся, пока вы не отпишетесь и не удалите их; после этого в "
                "журнале согласий остаётся только хеш адреса как доказательство "
                "отзыва.</p>",
            ),
            (
                "Участники обучения",
                "<ul><li>электронная почта учётной записи, имя, организация и "
                "предпочитаемый язык;</li><li>записи на курсы, пройденные уроки, "
                "ответы и результаты проверок знаний, даты завершения курсов.</li>"
                "</ul><p>Данные хранятся, пока существует учётная запись. После её "
                "удаления остаётся только анонимная статистика.</p>",
            ),
            (
                "Чего мы не храним",
                "<p>Никаких отслеживающих файлов cookie и сторонней аналитики. Файлы "
                "cookie используются только для сеанса входа и защиты форм. Журналы "
                "сервера не содержат адресов электронной почты и токенов ссылок.</p>",
            ),
            (
                "Ваши права",
                "<p>Вы можете скачать все свои данные в формате JSON и удалить их: "
                "подписчики — на странице настроек (ссылка в каждом письме), "
                "участники обучения — на странице своей учётной записи.</p>",
            ),
        ],
    },
}
