// netakosh: results as you type. The page works without this script (the form
// submits); with it, each keystroke (debounced) asks /api/search and redraws the
// list. Every text is set with textContent: nothing from the data becomes HTML.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var main = document.getElementById("main");
  if (!input || !main) return;
  var lang = document.body.getAttribute("data-lang") || "en";
  var kinds = {
    person: ["person", "व्यक्ति"], organization: ["organization", "संगठन"], office: ["office", "पद"],
    election: ["election", "चुनाव"], seat: ["seat", "निर्वाचन क्षेत्र"], source: ["source", "स्रोत"],
    tenure: ["tenure", "कार्यकाल"], membership: ["membership", "सदस्यता"], candidacy: ["candidacy", "उम्मीदवारी"]
  };
  var isDevanagari = function (s) { return /[\u0900-\u097F]/.test(s); };
  var keep = new URLSearchParams(location.search).get("lang");
  var timer = null, asked = 0;

  function best(names, code) {
    if (!names) return "";
    return names[code] || names.en || names.hi || Object.values(names)[0] || "";
  }
  function both(names, code) {
    var order = code === "hi" ? ["hi", "en"] : ["en", "hi"], out = [];
    order.forEach(function (k) { if (names && names[k] && out.indexOf(names[k]) < 0) out.push(names[k]); });
    return out.join(" · ");
  }
  function href(hit, code) {
    var base = hit.kind === "election" ? "/election/" : hit.kind === "seat" ? "/seat/" : "/p/";
    // A Hindi query's results open in Hindi, as the server's own result page does.
    var l = keep || (code === "hi" ? "hi" : "");
    return base + encodeURIComponent(hit.id) + (l ? "?lang=" + l : "");
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function results() {
    var r = document.getElementById("results");
    if (!r || !document.getElementById("count")) { // a page without results, or the front page's intro
      main.textContent = "";
      main.appendChild(el("p", "count")).id = "count";
      r = main.appendChild(el("div"));
      r.id = "results";
      r.setAttribute("aria-live", "polite");
    }
    return r;
  }
  function render(q, data) {
    var code = lang === "hi" || (!keep && isDevanagari(q)) ? "hi" : "en";
    var r = results();
    var count = document.getElementById("count");
    var say = function (en, h) { return code === "hi" ? h : en; };
    // The search bar speaks the language of the results, as the server's page would.
    document.documentElement.lang = code;
    var button = document.querySelector("form.search button");
    if (button) button.textContent = say("Search", "खोजें");
    input.placeholder = say("A name, in Hindi or English", "नाम — हिन्दी या अंग्रेज़ी में");
    var filtersLabel = document.querySelector("details.filters summary");
    if (filtersLabel) filtersLabel.textContent = say("Filters", "छाँटें");
    if (count) {
      count.textContent = data.hits.length === 0
        ? say("Nothing found for ", "इसके लिए कुछ नहीं मिला: ") + q
        : data.hits.length + (data.total > data.hits.length ? " / " + data.total : "") + " " + say("results", "परिणाम");
    }
    var list = el("ol", "hits");
    data.hits.forEach(function (h) {
      var li = el("li", "hit");
      var a = el("a", "name", both(h.name, code));
      a.href = href(h, code);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "kind", (kinds[h.kind] || [h.kind, h.kind])[code === "hi" ? 1 : 0]));
      var s = best(h.summary, code);
      if (s) li.appendChild(el("div", "summary", s));
      var c = best(h.career, code);
      if (c) li.appendChild(el("div", "career", c));
      list.appendChild(li);
    });
    r.textContent = "";
    r.appendChild(list);
  }
  function ask() {
    var q = input.value.trim();
    if (!q) return;
    var n = ++asked;
    var params = new URLSearchParams({ q: q, limit: "20" });
    filters().forEach(function (f) { params.set(f.name, f.value.trim()); });
    fetch("/api/search?" + params.toString(), { headers: { Accept: "application/json" } })
      .then(function (res) { return res.json(); })
      .then(function (data) {
        if (n !== asked || !data.hits) return; // a later keystroke's answer wins
        render(q, data);
        var url = new URLSearchParams({ q: q });
        filters().forEach(function (f) { url.set(f.name, f.value.trim()); });
        if (keep) url.set("lang", keep);
        history.replaceState(null, "", "/?" + url.toString());
      })
      .catch(function () { /* the form still submits */ });
  }
  // The filters set (kind, party, state, year): they narrow the search as typed.
  function filters() {
    return Array.prototype.filter.call(
      document.querySelectorAll("[form=search][name]"),
      function (f) { return f.value && f.value.trim(); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[form=search][name]"), function (f) {
    f.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(ask, 150); });
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
})();
