package report_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chatlint/chatlint/lint"
	"github.com/chatlint/chatlint/lint/check"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
	"github.com/chatlint/chatlint/rules"
)

// findBrowser returns a headless-capable Chromium on PATH. Without one the
// test is skipped, unless CHATLINT_REQUIRE_BROWSER is set (CI sets it and
// installs Debian's chromium), in which case it fails.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CHATLINT_REQUIRE_BROWSER") != "" {
		t.Fatal("CHATLINT_REQUIRE_BROWSER is set but no chromium, chromium-browser or google-chrome is on PATH (apt-get install chromium)")
	}
	t.Skip("no chromium, chromium-browser or google-chrome on PATH: skipping the headless-browser test of the HTML report (install Debian's chromium, or set CHATLINT_REQUIRE_BROWSER=1 to make this a failure)")
	return ""
}

// runBrowser runs the browser headless on a local file with everything that
// would reach for the network switched off.
func runBrowser(t *testing.T, browser string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, browser, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\nstderr:\n%s", browser, strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

// samplePage lints the bundled sample transcripts with the built-in packs, as
// `chatlint lint --format html testdata/transcripts/` does, and returns the
// page and the id of the lowest-scoring conversation.
func samplePage(t *testing.T) (page []byte, worst string) {
	t.Helper()
	set, err := rules.Load(rules.DefaultPack)
	if err != nil {
		t.Fatal(err)
	}
	checks, err := check.Compile(set, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var infos []*lint.RuleInfo
	for _, c := range checks.Checks {
		infos = append(infos, c.Info())
	}
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	var buf bytes.Buffer
	w, err := report.New("html", &buf, report.Options{Location: loc, Rules: infos, Scoring: checks.Scoring})
	if err != nil {
		t.Fatal(err)
	}
	var worstScore float64
	eng := &lint.Engine{Checker: checks, Scoring: checks.Scoring}
	ctx := context.Background()
	sum, err := eng.Run(ctx, func(sink lint.Sink) error {
		return transcript.ReadAll(ctx, []string{filepath.Join("..", "..", "testdata", "transcripts")}, transcript.Options{Format: "auto", Location: loc}, sink)
	}, func(r *lint.Result) error {
		if worst == "" || r.Score < worstScore {
			worst, worstScore = r.Conversation.ID, r.Score
		}
		return w.Conversation(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	if sum.Conversations == 0 || worst == "" {
		t.Fatal("the samples produced no conversations")
	}
	return buf.Bytes(), worst
}

// TestHTMLSampleIsValid: the report of the bundled samples holds no
// character an HTML parser reports as an error of the input stream (and
// none of the controls the page masks), with or without a browser.
func TestHTMLSampleIsValid(t *testing.T) {
	page, _ := samplePage(t)
	if bad := report.InvalidHTMLChars(string(page)); len(bad) > 0 {
		t.Errorf("the page holds characters no page should: %v", bad)
	}
}

// TestHTMLInBrowser opens the report of the bundled samples in headless
// Chromium and checks the rendered page: the charts are there, the script
// ran, and the worst conversation is listed first, open, with its evidence
// marked.
func TestHTMLInBrowser(t *testing.T) {
	browser := findBrowser(t)
	page, worst := samplePage(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(file)

	dom := string(runBrowser(t, browser, "--dump-dom", url))
	for _, want := range []string{
		`<svg id="score-histogram" class="chart histogram"`, // the score distribution
		`<rect class="g0"`,                    // with bars in it
		`class="agent-card"`,                  // per-agent scorecards
		`<svg class="stack"`,                  // grade mix bars
		`<svg class="rule-bar"`,               // findings per rule
		`<table class="rules">`,               // the rule table
		`<mark class="sev-`,                   // evidence marked
		`<div id="conv-tools" class="tools">`, // the script ran: the filters are shown
		"会话 <b>" + worst + "</b>",             // the worst conversation
		"chatlint 质检报告",                       // Chinese survived the round trip
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	// the worst conversation comes first, and open
	first := strings.Index(dom, `<details class="conv conv-item" id="conv-1"`)
	if first < 0 {
		t.Fatal("no conversation list in the rendered DOM")
	}
	head := dom[first:]
	if end := strings.Index(head, "</summary>"); end > 0 {
		head = head[:end]
	}
	if !strings.Contains(head, " open") || !strings.Contains(head, "<b>"+worst+"</b>") {
		t.Errorf("first conversation is not %s, open:\n%s", worst, head)
	}

	png := filepath.Join(dir, "report.png")
	runBrowser(t, browser, "--screenshot="+png, "--window-size=1280,2400", url)
	b, err := os.ReadFile(png)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if len(b) < 10000 || !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is %d bytes, not a rendered page", len(b))
	}
}

// layoutProbe is a script put at the end of a page under test: it opens
// every <details> and writes, in a <pre id="probe">, how wide the page is
// against the window (scroll=N client=N), the gap between the header and
// the first card (gap=N), the height of the smallest text of the score
// histogram in pixels (histogram-text=N) and the elements that stick out on the
// right.
const layoutProbe = `<script>
(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var root = document.documentElement, w = root.clientWidth, out = [];
  out.push("scroll=" + root.scrollWidth + " client=" + w);
  var top = document.querySelector("header.top").getBoundingClientRect().bottom;
  out.push("gap=" + Math.round(document.getElementById("overview").getBoundingClientRect().top - top));
  var small = 99;
  document.querySelectorAll("svg.histogram").forEach(function (svg) {
    var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    svg.querySelectorAll("text").forEach(function (el) {
      small = Math.min(small, parseFloat(getComputedStyle(el).fontSize) * scale);
    });
  });
  out.push("histogram-text=" + Math.round(small));
  document.querySelectorAll("main *").forEach(function (el) {
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1 && out.length < 12) {
      out.push("out: " + el.tagName.toLowerCase() + "." + el.className + " right=" + Math.round(r.right));
    }
  });
  var p = document.createElement("pre");
  p.id = "probe";
  p.textContent = out.join("\n");
  document.body.appendChild(p);
})();
</script>`

// layout is what layoutProbe found: the page's width and the window's,
// the gap above the first card, the size of the histogram's smallest
// text, and the probe's whole output.
type layout struct {
	scroll, client, gap, text int
	probe                     string
}

// probeLayout renders page in a window w pixels wide and returns what
// layoutProbe found.
func probeLayout(t *testing.T, browser string, page []byte, w int) layout {
	t.Helper()
	file := filepath.Join(t.TempDir(), "report.html")
	probed := bytes.Replace(page, []byte("</body>"), []byte(layoutProbe+"</body>"), 1)
	if err := os.WriteFile(file, probed, 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runBrowser(t, browser, "--dump-dom", "--window-size="+strconv.Itoa(w)+",2000", "file://"+filepath.ToSlash(file)))
	_, probe, ok := strings.Cut(dom, `<pre id="probe">`)
	if !ok {
		t.Fatalf("the probe did not run at width %d", w)
	}
	l := layout{}
	l.probe, _, _ = strings.Cut(probe, "</pre>")
	if _, err := fmt.Sscanf(l.probe, "scroll=%d client=%d\ngap=%d\nhistogram-text=%d", &l.scroll, &l.client, &l.gap, &l.text); err != nil {
		t.Fatalf("probe output %q: %v", l.probe, err)
	}
	return l
}

// TestHTMLLayout renders the report of the bundled samples on a laptop and
// in a phone-narrow window (420 px; Chromium makes it at least about 500):
// nothing may stick out sideways (the rule table's five columns did, by
// some 250 px, its descriptions squeezed to a few characters a line; a
// long file path, kept on one line, pushed a conversation's heading and
// the table of unreadable records out by 700 px), the first card keeps a
// gap below the header (it touched it), and the score histogram's labels
// stay readable (shrunk with the chart, they were 6 px).
func TestHTMLLayout(t *testing.T) {
	browser := findBrowser(t)
	page, _ := samplePage(t)
	// the same report, its files in a folder with a long name that has
	// no place to break a line
	long := bytes.ReplaceAll(page, []byte("testdata/transcripts/"), []byte("testdata/transcripts/"+strings.Repeat("export_of_the_shop_", 5)+"/"))
	// and with a conversation id of 64 characters and agents named by
	// e-mail addresses, which have no place to break a line either (the
	// id pushed the conversation's heading 100 px out of a phone)
	names := bytes.ReplaceAll(page, []byte(">c1014<"), []byte(">wrkSFfCgAA"+strings.Repeat("0123456789abcdef", 3)+"XXXXXX<"))
	names = bytes.ReplaceAll(names, []byte("阿杰"), []byte("zhang.xiaomei.service@shop-example.com"))
	for _, tt := range []struct {
		name string
		page []byte
		w    int
	}{{"samples", page, 1366}, {"samples", page, 420}, {"long path", long, 1366}, {"long path", long, 420}, {"long id and names", names, 420}} {
		l := probeLayout(t, browser, tt.page, tt.w)
		if l.scroll > l.client {
			t.Errorf("%s, window %d px: the page is %d px wide in %d:\n%s", tt.name, tt.w, l.scroll, l.client, l.probe)
		}
		if l.gap < 8 {
			t.Errorf("%s, window %d px: the first card is %d px below the header, want at least 8", tt.name, tt.w, l.gap)
		}
		if l.text < 8 {
			t.Errorf("%s, window %d px: the histogram's smallest text is %d px, want at least 8", tt.name, tt.w, l.text)
		}
	}
}

// filterProbe is a script put at the end of a page under test: it picks the
// second agent of the filter and ticks 只看有问题的, then writes in a <pre
// id="probe"> the print-only note (note=…), whether the screen shows it
// (display=…), how many conversations are left and listed
// (shown=N/M), and then the note once the filters are cleared again.
const filterProbe = `<script>
(function () {
  var agent = document.getElementById("f-agent"), only = document.getElementById("f-issues");
  var note = document.getElementById("f-print"), items = document.querySelectorAll(".conv-item");
  agent.value = agent.options[1].value;
  agent.dispatchEvent(new Event("change"));
  only.checked = true;
  only.dispatchEvent(new Event("change"));
  var shown = Array.prototype.filter.call(items, function (e) { return !e.hidden; }).length;
  var out = ["note=" + note.textContent, "display=" + getComputedStyle(note).display, "shown=" + shown + "/" + items.length];
  agent.value = "";
  agent.dispatchEvent(new Event("change"));
  only.checked = false;
  only.dispatchEvent(new Event("change"));
  out.push("cleared=" + note.textContent);
  var p = document.createElement("pre");
  p.id = "probe";
  p.textContent = out.join("\n");
  document.body.appendChild(p);
})();
</script>`

// TestHTMLPrintSaysFiltered: a list narrowed by the filters prints with a
// note saying so (the filters, which say it on screen, are not printed: a
// printout of one agent's conversations read as the whole list), and the
// note goes when the filters are cleared.
func TestHTMLPrintSaysFiltered(t *testing.T) {
	browser := findBrowser(t)
	page, _ := samplePage(t)
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, bytes.Replace(page, []byte("</body>"), []byte(filterProbe+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runBrowser(t, browser, "--dump-dom", "file://"+filepath.ToSlash(file)))
	_, probe, ok := strings.Cut(dom, `<pre id="probe">`)
	if !ok {
		t.Fatal("the probe did not run")
	}
	probe, _, _ = strings.Cut(probe, "</pre>")
	var note, display, shown, cleared string
	for _, l := range strings.Split(probe, "\n") {
		k, v, _ := strings.Cut(l, "=")
		switch k {
		case "note":
			note = v
		case "display":
			display = v
		case "shown":
			shown = v
		case "cleared":
			cleared = v
		}
	}
	agent := regexp.MustCompile(`<select id="f-agent"[^>]*><option value="">全部客服</option><option value="([^"]*)">`).FindStringSubmatch(string(page))
	if agent == nil {
		t.Fatal("no agent filter on the page")
	}
	n, total, _ := strings.Cut(shown, "/")
	if want := "已筛选（客服 " + html.UnescapeString(agent[1]) + "；只看有问题的）：只列出 " + n + " / " + total; html.UnescapeString(note) != want || n == total {
		t.Errorf("print note %q with %s listed, want %q", note, shown, want)
	}
	if display != "none" {
		t.Errorf("the print note shows on screen (display %s)", display)
	}
	if cleared != "" {
		t.Errorf("the print note stays once the filters are cleared: %q", cleared)
	}
}

// bidiProbe is a script put at the end of a page under test: for each
// message's heading it writes in a <pre id="probe"> whether the sender's
// name is shown before the time of day (ok) or after it (swapped), and for
// each conversation's agents whether they are shown in their order.
const bidiProbe = `<script>
(function () {
  function rectOf(el, text) {
    var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n;
    while ((n = walk.nextNode())) {
      var i = n.data.indexOf(text);
      if (i >= 0) {
        var r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + text.length);
        return r.getBoundingClientRect();
      }
    }
    return null;
  }
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var out = [];
  document.querySelectorAll(".meta").forEach(function (m) {
    var t = m.querySelector("time");
    ["محمد", "שלום"].forEach(function (s) {
      var r = rectOf(m.querySelector(".who"), s);
      if (r && t) out.push(s + (r.left < t.getBoundingClientRect().left ? " ok" : " swapped"));
    });
  });
  document.querySelectorAll(".agents").forEach(function (a) {
    var x = rectOf(a, "שלום"), y = rectOf(a, "محمد");
    if (x && y) out.push("agents " + (x.left < y.left ? "ok" : "swapped"));
  });
  var p = document.createElement("pre");
  p.id = "probe";
  p.textContent = out.join("\n");
  document.body.appendChild(p);
})();
</script>`

// TestHTMLRightToLeftNames: a sender's name in Arabic or Hebrew script
// stays before the time of day of its message, and two such agents in a
// conversation's heading stay in their order (the numbers after a
// right-to-left name joined its run: the name was shown after the time).
func TestHTMLRightToLeftNames(t *testing.T) {
	browser := findBrowser(t)
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	c := &lint.Conversation{ID: "rtl", File: "day.jsonl", Timed: true, Messages: []lint.Message{
		{Conversation: "rtl", Role: lint.Customer, Sender: "محمد", Text: "在吗", Time: t0, Pos: lint.Pos{File: "day.jsonl", Line: 1}},
		{Conversation: "rtl", Role: lint.Agent, Sender: "שלום", Text: "您好", Time: t0.Add(5 * time.Second), Pos: lint.Pos{File: "day.jsonl", Line: 2}},
	}}
	r := &lint.Result{Conversation: c, Agents: []string{"שלום", "محمد"}, Score: 100, Grade: "优秀"}
	var buf bytes.Buffer
	w, err := report.New("html", &buf, report.Options{Location: time.UTC, Scoring: lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}}, FailGrade: "不合格"}})
	if err != nil {
		t.Fatal(err)
	}
	sum := lint.NewSummary()
	sum.Add(r)
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, bytes.Replace(buf.Bytes(), []byte("</body>"), []byte(bidiProbe+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runBrowser(t, browser, "--dump-dom", "file://"+filepath.ToSlash(file)))
	_, probe, ok := strings.Cut(dom, `<pre id="probe">`)
	if !ok {
		t.Fatal("the probe did not run")
	}
	probe, _, _ = strings.Cut(probe, "</pre>")
	if want := "محمد ok\nשלום ok\nagents ok"; probe != want {
		t.Errorf("probe:\n%s\nwant:\n%s", probe, want)
	}
}

// copyProbe is a script put at the end of a page under test: it opens every
// <details>, selects the text of each message with a finding and writes
// what a copy of it would hold (copy=…), then searches the list for the
// words on both sides of a match (search=N shown).
const copyProbe = `<script>
(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var out = [];
  document.querySelectorAll(".row.hit .bubble").forEach(function (b) {
    var r = document.createRange();
    r.selectNodeContents(b);
    var s = window.getSelection();
    s.removeAllRanges();
    s.addRange(r);
    out.push("copy=" + s.toString());
  });
  var q = document.getElementById("f-q");
  q.value = "不知道什么";
  q.dispatchEvent(new Event("input"));
  out.push("search=" + document.querySelectorAll(".conv-item:not([hidden])").length);
  var p = document.createElement("pre");
  p.id = "probe";
  p.textContent = out.join("\n");
  document.body.appendChild(p);
})();
</script>`

// TestHTMLCopyMessage: a message copied out of the page reads as it was
// sent, and a search for words across a match finds it: the numbers of
// the findings after the marked words were text of the message (这个我也不
// 知道1什么时候到 was copied, and 不知道什么 found nothing).
func TestHTMLCopyMessage(t *testing.T) {
	browser := findBrowser(t)
	const text = "这个我也不知道什么时候到"
	t0 := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	c := &lint.Conversation{ID: "c1", File: "day.jsonl", Timed: true, Messages: []lint.Message{
		{Conversation: "c1", Role: lint.Customer, Sender: "买家", Text: "在吗", Time: t0, Pos: lint.Pos{File: "day.jsonl", Line: 1}},
		{Conversation: "c1", Role: lint.Agent, Sender: "小美", Text: text, Time: t0.Add(5 * time.Second), Pos: lint.Pos{File: "day.jsonl", Line: 2}},
	}}
	rule := &lint.RuleInfo{ID: "shop/evasive", Type: "forbid", Severity: lint.Warning, Deduct: 2}
	at := strings.Index(text, "不知道")
	r := &lint.Result{Conversation: c, Agents: []string{"小美"}, Score: 98, Grade: "优秀", Findings: []lint.Finding{
		{Rule: rule, Msg: 1, Match: "不知道", Start: at, End: at + len("不知道"), Message: "推诿用语「不知道」", Agent: "小美", Deduct: 2},
	}}
	var buf bytes.Buffer
	w, err := report.New("html", &buf, report.Options{Location: time.UTC, Scoring: lint.Scoring{Start: 100, Grades: []lint.Grade{{Name: "优秀", Min: 95}}, FailGrade: "不合格"}})
	if err != nil {
		t.Fatal(err)
	}
	sum := lint.NewSummary()
	sum.Add(r)
	if err := w.Conversation(r); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(sum); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, bytes.Replace(buf.Bytes(), []byte("</body>"), []byte(copyProbe+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runBrowser(t, browser, "--dump-dom", "file://"+filepath.ToSlash(file)))
	_, probe, ok := strings.Cut(dom, `<pre id="probe">`)
	if !ok {
		t.Fatal("the probe did not run")
	}
	probe, _, _ = strings.Cut(probe, "</pre>")
	if want := "copy=" + text + "\nsearch=1"; probe != want {
		t.Errorf("probe:\n%s\nwant:\n%s", probe, want)
	}
}

// sevGradeProbe is a script put at the end of a page under test: for each
// choice of the severity and the grade filters it writes in a <pre
// id="probe"> how many conversations are listed and whether each listed
// one has a finding of that severity or that grade (and each left out
// has not), then the print note of the last choice of each.
const sevGradeProbe = `<script>
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll(".conv-item"));
  var note = document.getElementById("f-print"), out = [];
  [["f-sev", function (el, v) { return JSON.parse(el.getAttribute("data-sevs")).indexOf(v) >= 0; }],
   ["f-grade", function (el, v) { return el.getAttribute("data-grade") === v; }]].forEach(function (f) {
    var sel = document.getElementById(f[0]);
    if (!sel) { out.push(f[0] + " missing"); return; }
    for (var i = 1; i < sel.options.length; i++) {
      sel.value = sel.options[i].value;
      sel.dispatchEvent(new Event("change"));
      var shown = 0, wrong = 0;
      items.forEach(function (el) {
        if (!el.hidden) shown++;
        if (el.hidden === f[1](el, sel.value)) wrong++;
      });
      out.push(f[0] + " " + sel.value + " shown=" + shown + " wrong=" + wrong);
    }
    out.push("note=" + note.textContent);
    sel.value = "";
    sel.dispatchEvent(new Event("change"));
  });
  out.push("cleared=" + note.textContent);
  var p = document.createElement("pre");
  p.id = "probe";
  p.textContent = out.join("\n");
  document.body.appendChild(p);
})();
</script>`

// TestHTMLSeverityGradeFilters: the list filters by severity (the
// conversations with an error, say) and by grade (the 不合格 ones), as
// it does by agent and rule, and a printout says so; there were no such
// filters, and a reviewer looking for the errors among 200 conversations
// opened them one by one.
func TestHTMLSeverityGradeFilters(t *testing.T) {
	browser := findBrowser(t)
	page, _ := samplePage(t)
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, bytes.Replace(page, []byte("</body>"), []byte(sevGradeProbe+"</body>"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := string(runBrowser(t, browser, "--dump-dom", "file://"+filepath.ToSlash(file)))
	_, probe, ok := strings.Cut(dom, `<pre id="probe">`)
	if !ok {
		t.Fatal("the probe did not run")
	}
	probe, _, _ = strings.Cut(html.UnescapeString(probe), "</pre>")
	lines := strings.Split(probe, "\n")
	sevs, grades := 0, 0
	for _, l := range lines {
		switch {
		case strings.HasSuffix(l, " missing"):
			t.Errorf("no filter: %s", l)
		case strings.HasPrefix(l, "f-"):
			if !strings.HasSuffix(l, " wrong=0") || strings.Contains(l, " shown=0 ") {
				t.Errorf("filter lists the wrong conversations: %s", l)
			}
			if strings.HasPrefix(l, "f-sev ") {
				sevs++
			} else {
				grades++
			}
		}
	}
	if sevs < 2 || grades < 2 {
		t.Errorf("%d severities and %d grades to choose from, want at least 2 each:\n%s", sevs, grades, probe)
	}
	if !strings.Contains(probe, "note=已筛选（有 info）：只列出 ") || !strings.Contains(probe, "note=已筛选（等级 ") || !strings.HasSuffix(probe, "cleared=") {
		t.Errorf("print notes:\n%s", probe)
	}
}
