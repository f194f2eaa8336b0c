// chatlint HTML report: filters for the conversation list and expand/collapse
// all. The page works without it (every conversation is a <details>).
(function () {
  "use strict";
  var tools = document.getElementById("conv-tools");
  if (!tools) return;
  tools.hidden = false;
  var items = Array.prototype.slice.call(document.querySelectorAll(".conv-item"));
  var q = document.getElementById("f-q");
  var agent = document.getElementById("f-agent");
  var rule = document.getElementById("f-rule");
  var sev = document.getElementById("f-sev");
  var grade = document.getElementById("f-grade");
  var issues = document.getElementById("f-issues");
  var count = document.getElementById("f-count");
  var printed = document.getElementById("f-print");
  var parsed = items.map(function (el) {
    function list(name) {
      try {
        var v = JSON.parse(el.getAttribute(name) || "[]");
        return Array.isArray(v) ? v : [];
      } catch (e) { return []; }
    }
    return { el: el, agents: list("data-agents"), rules: list("data-rules"), sevs: list("data-sevs"),
      grade: el.getAttribute("data-grade") || "", findings: +el.getAttribute("data-findings") };
  });

  function apply() {
    var text = (q && q.value || "").trim().toLowerCase();
    var a = agent ? agent.value : "", r = rule ? rule.value : "";
    var s = sev ? sev.value : "", g = grade ? grade.value : "";
    var only = issues && issues.checked, shown = 0;
    parsed.forEach(function (it) {
      var ok = (!a || it.agents.indexOf(a) >= 0) && (!r || it.rules.indexOf(r) >= 0) &&
        (!s || it.sevs.indexOf(s) >= 0) && (!g || it.grade === g) &&
        (!only || it.findings > 0) && (!text || it.el.textContent.toLowerCase().indexOf(text) >= 0);
      it.el.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = shown === items.length ? "" : "显示 " + shown + " / " + items.length;
    // a printout has no filters to show: it says what it leaves out
    if (printed) {
      var what = [];
      if (a) what.push("客服 " + a);
      if (r) what.push("规则 " + r);
      if (s) what.push("有 " + s);
      if (g) what.push("等级 " + g);
      if (text) what.push("搜索「" + q.value.trim() + "」");
      if (only) what.push("只看有问题的");
      printed.textContent = shown === items.length ? "" :
        "已筛选（" + what.join("；") + "）：只列出 " + shown + " / " + items.length;
    }
  }
  [q, agent, rule, sev, grade, issues].forEach(function (el) {
    if (el) el.addEventListener(el === q ? "input" : "change", apply);
  });

  function setOpen(open) {
    parsed.forEach(function (it) {
      if (it.el.tagName === "DETAILS" && !it.el.hidden) it.el.open = open;
    });
  }
  var ex = document.getElementById("expand-all"), co = document.getElementById("collapse-all");
  if (ex) ex.addEventListener("click", function () { setOpen(true); });
  if (co) co.addEventListener("click", function () { setOpen(false); });

  // "查看会话" on an agent card filters the list to that agent
  Array.prototype.forEach.call(document.querySelectorAll("a.agent-link"), function (link) {
    link.addEventListener("click", function () {
      if (!agent) return;
      agent.value = link.getAttribute("data-agent");
      apply();
    });
  });

  // open a conversation linked by #conv-N
  function openHash() {
    var el = location.hash && document.getElementById(location.hash.slice(1));
    if (el && el.tagName === "DETAILS") el.open = true;
  }
  window.addEventListener("hashchange", openHash);
  openHash();

  // print everything, then put the page back as it was
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = parsed.filter(function (it) { return it.el.tagName === "DETAILS" && !it.el.open; });
    closed.forEach(function (it) { it.el.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (it) { it.el.open = false; });
    closed = [];
  });
})();
