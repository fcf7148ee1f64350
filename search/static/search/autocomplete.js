// Suggests page titles under the search box as the visitor types.
// Without this script the form still submits to the search page.
(function () {
    "use strict";

    var DELAY_MS = 150;
    var MIN_LENGTH = 2;

    function setUp(form) {
        var input = form.querySelector("input[type=search]");
        var url = form.getAttribute("data-autocomplete-url");
        if (!input || !url) {
            return;
        }
        var list = document.createElement("ul");
        list.className = "autocomplete";
        list.id = input.id + "-suggestions";
        list.hidden = true;
        form.appendChild(list);
        input.setAttribute("aria-controls", list.id);
        var timer = null;
        var latest = 0;

        function close() {
            list.hidden = true;
        }

        function show(results) {
            list.textContent = "";
            results.forEach(function (result) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = result.url;
                link.textContent = result.title;
                item.appendChild(link);
                list.appendChild(item);
            });
            list.hidden = results.length === 0;
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                close();
                return;
            }
            var request = ++latest;
            fetch(url + "?query=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
            })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (request === latest) {
                        show(data.results || []);
                    }
                })
                .catch(close);
        }

        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(fetchSuggestions, DELAY_MS);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && !list.hidden) {
                event.preventDefault();
                list.querySelector("a").focus();
            } else if (event.key === "Escape") {
                close();
            }
        });
        list.addEventListener("keydown", function (event) {
            var current = document.activeElement.parentElement;
            if (event.key === "ArrowDown" && current.nextElementSibling) {
                event.preventDefault();
                current.nextElementSibling.querySelector("a").focus();
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                var previous = current.previousElementSibling;
                (previous ? previous.querySelector("a") : input).focus();
            } else if (event.key === "Escape") {
                close();
                input.focus();
            }
        });
        document.addEventListener("click", function (event) {
            if (!form.contains(event.target)) {
                close();
            }
        });
    }

    document.querySelectorAll("form[data-autocomplete-url]").forEach(setUp);
})();
