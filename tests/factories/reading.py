"""A small site in Latvian and Ukrainian of the pages people read: a handbook
chapter, a lesson, a past webinar and the initiatives map."""

from tests.factories import courses, resources
from tests.factories.courses import knowledge_check_value
from tests.factories.initiatives import initiative, initiative_map
from tests.factories.pages import build_site, translate

UK = {
    "handbook": "Посібник з партнерства",
    "chapter": "Як почати партнерство",
    "map": "Ініціативи підтримки",
    "initiative": "Розмовний клуб в Огре",
    "webinar": "Розмовні клуби в бібліотеці",
    "lesson": "Звіт про діагностику",
}


def chapter_body(heading, paragraph, checklist_items):
    return [
        ("heading", {"text": heading, "level": "h2"}),
        ("paragraph", f"<p>{paragraph}</p>"),
        ("checklist", {"title": heading, "items": checklist_items}),
    ]


def handbook_chapter(homes):
    """{"lv": chapter, "uk": chapter}, under a handbook shown in the menu."""
    book = resources.handbook(homes["lv"], show_in_menus=True)
    book_uk = translate(
        book, homes["uk"].locale, title=UK["handbook"], show_in_menus=True
    )
    chapter = resources.chapter(
        book,
        title="Kā sākt partnerību",
        summary="Pirmie soļi kopā ar pašvaldību.",
        body=chapter_body(
            "Pirmā tikšanās",
            "Bibliotēka uzaicina pašvaldību un integrācijas iestādi uz sarunu par "
            "kopīgu darbu ar cilvēkiem, kuriem ir migrācijas pieredze.",
            ["Sarunāt tikšanos", "Sagatavot jautājumus"],
        ),
    )
    chapter_uk = translate(
        chapter,
        book_uk.locale,
        title=UK["chapter"],
        slug="yak-pochaty-partnerstvo",
        summary="Перші кроки разом із самоврядуванням.",
        body=chapter_body(
            "Перша зустріч",
            "Бібліотека запрошує самоврядування та установу з інтеграції на "
            "розмову про спільну роботу з людьми, які мають досвід міграції.",
            ["Домовитися про зустріч", "Підготувати запитання"],
        ),
    )
    return {"lv": chapter, "uk": chapter_uk}


def map_with_initiative(homes):
    """{"lv": map page, "uk": map page}, each listing the same initiative."""
    map_lv = initiative_map(homes["lv"], show_in_menus=True)
    map_uk = translate(map_lv, homes["uk"].locale, title=UK["map"], show_in_menus=True)
    club = initiative(map_lv, languages=("lv", "uk"))
    initiative(
        map_uk,
        title=UK["initiative"],
        translation_key=club.translation_key,
        languages=("lv", "uk"),
        schedule="Щовівторка о 17:30",
    )
    return {"lv": map_lv, "uk": map_uk}


def past_webinar(homes):
    """{"lv": webinar, "uk": webinar} that took place, with chapters and transcript."""
    index = resources.webinar_index(homes["lv"])
    index_uk = translate(index, homes["uk"].locale, title="Вебінари")
    webinar = resources.past_webinar(
        index,
        title="Sarunu klubi bibliotēkā",
        summary="Kā sākt sarunu klubu un kā to vadīt.",
        chapters=[("chapter", {"time": "0:00", "title": "Ievads"})],
        transcript="<p>Vadītāja stāsta, kā sarunu klubs palīdz apgūt valodu.</p>",
    )
    webinar_uk = translate(
        webinar,
        index_uk.locale,
        title=UK["webinar"],
        slug="rozmovni-kluby",
        start=webinar.start,
        summary="Як почати розмовний клуб і як його вести.",
        chapters=[("chapter", {"time": "0:00", "title": "Вступ"})],
        transcript="<p>Ведуча розповідає, як розмовний клуб допомагає вивчати "
        "мову.</p>",
    )
    return {"lv": webinar, "uk": webinar_uk}


def lesson_with_check(homes):
    """{"lv": lesson, "uk": lesson} of one course, each with a knowledge check."""
    course = courses.course(courses.catalogue(homes["lv"]))
    lesson = courses.lesson(course)
    catalogue_uk = translate(
        course.get_parent(), homes["uk"].locale, title="Навчальні модулі"
    )
    course_uk = translate(
        course, catalogue_uk.locale, title="Місцева діагностика", summary="Огляд."
    )
    lesson_uk = translate(
        lesson,
        course_uk.locale,
        title=UK["lesson"],
        slug="zvit-pro-diagnostyku",
        body=[
            ("paragraph", "<p>Звіт про діагностику підсумовує висновки.</p>"),
            ("knowledge_check", knowledge_check_value("Перевірте себе")),
        ],
    )
    return {"lv": lesson, "uk": lesson_uk}


def reading_site():
    """Every reading page in lv and uk: {"chapter": {code: page}, "map": ..., ...}."""
    homes = build_site()
    return {
        "home": homes,
        "chapter": handbook_chapter(homes),
        "lesson": lesson_with_check(homes),
        "webinar": past_webinar(homes),
        "map": map_with_initiative(homes),
    }
