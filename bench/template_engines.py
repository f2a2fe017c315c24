"""Would Jinja2 halve the templates' time? `.venv/bin/python bench/template_engines.py`.

Issue 20 lists Jinja2 for the public templates as a lever "if it halves render time". This
measures the two engines on the same markup and the same objects, before anyone ports the
site: the knowledge bank's result card (knowledge_bank/_result.html, without the fragment
cache, so both engines render the whole card) for the twenty results of a search, and the
facet links of the same page. The Django side renders the card's own template source; the
Jinja2 side is a transcription of it below, kept only here, which must change when the card
does. Run it against the benchmark's database (DATABASE_URL, docs/benchmarks.md).
"""

import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cks_portal.settings")

import django  # noqa: E402

django.setup()

import jinja2  # noqa: E402
from django.template import Context, Template, engines  # noqa: E402
from django.template.defaultfilters import truncatewords  # noqa: E402
from django.utils import translation  # noqa: E402

from cks_portal.core.templatetags.cks import lang_attr  # noqa: E402
from knowledge_bank.search import PublicationSearch, with_authors_unless_kept  # noqa: E402
from knowledge_bank.templatetags.knowledge_bank import pub_lang  # noqa: E402

CARD_JINJA = """<li class="card kb-result">
  <h3><a href="{{ publication.get_absolute_url() }}"{{ pub_lang(publication) }}>{{ publication.title }}</a></h3>
  {% if publication.subtitle %}<p class="kb-subtitle"{{ pub_lang(publication) }}>{{ publication.subtitle }}</p>{% endif %}
  <p class="meta">{{ publication.type_label }} · {{ publication.year }} · <span class="kb-result__language">{{ _("Language: %(language)s", language=publication.language_label) }}</span>{% if publication.publisher %} · <span{{ pub_lang(publication) }}>{{ publication.publisher }}</span>{% endif %}{% set authors = publication.ordered_authors() %}{% if authors %} · <span{{ pub_lang(publication) }}>{% for author in authors[:3] %}{{ author }}{% if not loop.last %}, {% endif %}{% endfor %}</span>{% if authors|length > 3 %} {{ _("et al.") }}{% endif %}{% endif %}{% if publication.file %} · {{ publication.file_description }}{% endif %}</p>
  {% if publication.snippet_html %}<p class="kb-snippet"{{ lang_attr(publication.t.summary) }}>{{ publication.snippet_html }}</p>{% else %}<p{{ lang_attr(publication.t.summary) }}>{{ publication.t.summary|truncatewords(40) }}</p>{% endif %}
</li>"""

FACETS_DJANGO = """{% for facet in facets %}{% if facet.values %}<h3>{{ facet.label }}</h3><ul class="kb-facet">{% for value in facet.values %}<li><a href="{{ value.url }}" class="kb-facet__link{% if value.selected %} kb-facet__link--selected{% endif %}">{% if value.selected %}<span aria-hidden="true">✓ </span>{% endif %}{{ value.label }} <span class="kb-facet__count">({{ value.count }})</span></a></li>{% endfor %}</ul>{% endif %}{% endfor %}"""
FACETS_JINJA = """{% for facet in facets %}{% if facet["values"] %}<h3>{{ facet.label }}</h3><ul class="kb-facet">{% for value in facet["values"] %}<li><a href="{{ value.url }}" class="kb-facet__link{% if value.selected %} kb-facet__link--selected{% endif %}">{% if value.selected %}<span aria-hidden="true">✓ </span>{% endif %}{{ value.label }} <span class="kb-facet__count">({{ value.count }})</span></a></li>{% endfor %}</ul>{% endif %}{% endfor %}"""


def django_card():
    """The card's own source, its fragment cache tags taken out."""
    source = Path(
        engines["django"].engine.find_template("knowledge_bank/_result.html")[0].origin.name
    ).read_text()
    source = re.sub(r"\{#.*?#\}", "", source)
    source = re.sub(r"\{% cache [^%]*%\}|\{% endcache %\}", "", source)
    return Template(
        "{% for publication in results %}" + source.replace("{% load cache ", "{% load ") + "{% endfor %}"
    )


def jinja_environment():
    environment = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    environment.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=True)
    # The card's own tags, whose safe strings Jinja2 leaves unescaped as Django does.
    environment.globals.update(pub_lang=pub_lang, lang_attr=lang_attr)
    environment.filters["truncatewords"] = truncatewords
    return environment


def median_ms(render, repeat=300):
    for _ in range(20):
        render()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        render()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main():
    translation.activate("sv")
    search = PublicationSearch({"q": "förebyggande arbete"})
    results = list(search.page().object_list)
    with_authors_unless_kept(results)  # the authors, which the kept fragments otherwise spare
    facets = search.facets()
    environment = jinja_environment()
    jinja_card = environment.from_string("{% for publication in results %}" + CARD_JINJA + "{% endfor %}")
    django_facets, jinja_facets = Template(FACETS_DJANGO), environment.from_string(FACETS_JINJA)
    card = django_card()
    rows = [
        (
            "20 result cards",
            lambda: card.render(Context({"results": results})),
            lambda: jinja_card.render(results=results),
        ),
        (
            "facet links",
            lambda: django_facets.render(Context({"facets": facets})),
            lambda: jinja_facets.render(facets=facets),
        ),
    ]
    print(
        f"{len(results)} results, {sum(len(f['values']) for f in facets)} facet values; median of 300 renders"
    )
    print("| part | Django ms | Jinja2 ms | ratio |\n|---|---:|---:|---:|")
    for label, with_django, with_jinja in rows:
        django_ms, jinja_ms = median_ms(with_django), median_ms(with_jinja)
        print(f"| {label} | {django_ms:.3f} | {jinja_ms:.3f} | {django_ms / jinja_ms:.1f}× |")


if __name__ == "__main__":
    main()
