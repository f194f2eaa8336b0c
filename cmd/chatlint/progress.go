package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/chatlint/chatlint/internal/english"
	"github.com/chatlint/chatlint/lint/report"
	"github.com/chatlint/chatlint/lint/transcript"
)

// progress draws a progress bar on standard error — bytes read of the total
// input size, records read, throughput — only when standard error is a
// terminal that can redraw it (see progressWanted); piped, it stays silent.
type progress struct {
	w     io.Writer
	on    bool
	total int64 // input bytes, -1 when unknown (stdin)
	// leftOut are the bytes of the total in files a walk left out once
	// their start was read (reports chatlint wrote), and those of a file
	// not read to its end (its format not told, a read error): not read,
	// they come off the total; less the bytes a file holds more than was
	// counted of it (see watch)
	leftOut atomic.Int64
	read    atomic.Int64
	records atomic.Int64
	// copying are the bytes read of a workbook being copied before its
	// rows are read (standard input, a gzip-compressed one), of which
	// read counts half, and the rows the other half, where the total is
	// known (a bar weighs the copy and the rows as one job), or all, where
	// it is not (see watch); 0 when none is
	copying atomic.Int64
	started time.Time
	stop    chan struct{}
	wg      sync.WaitGroup
	width   int
	once    sync.Once
	// release takes guardBrokenPipe's guard off
	release func()
}

func newProgress(w io.Writer, enabled bool, total int64) *progress {
	p := &progress{w: w, total: total, started: time.Now(), stop: make(chan struct{}), width: 80}
	f, ok := w.(*os.File)
	// (a Windows console that cannot erase a line would print the code)
	if !ok || !progressWanted(enabled, term.IsTerminal(int(f.Fd())) && enableVT(f), os.Getenv) {
		return p
	}
	if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
		p.width = cols
	}
	p.on = true
	p.wg.Add(1)
	go p.loop()
	// a report piped into head, or less quit early, ends chatlint
	// (SIGPIPE): the line is cleared first
	p.release = guardBrokenPipe(p.done)
	return p
}

// progressRedraw starts each drawing of the progress line, and clears it at
// the end: a carriage return back to the start of the line, then the
// erase-in-line sequence ESC [ K. The line itself is plain text: no colours.
const progressRedraw = "\r\x1b[K"

// progressWanted decides whether the progress line is drawn: asked for
// (enabled: not --no-progress, nor a report on the terminal) and on a
// terminal that can do what progressRedraw asks. A dumb terminal
// (TERM=dumb: Emacs shells, some CI logs) returns on \r but prints escape
// sequences as they are, so it gets no line while the redraw uses one.
// NO_COLOR (no-color.org) asks for no ANSI colour, not for less output:
// the line has no colours, so it is drawn all the same.
func progressWanted(enabled, terminal bool, getenv func(string) string) bool {
	if !enabled || !terminal {
		return false
	}
	return getenv("TERM") != "dumb" || !strings.Contains(progressRedraw, "\x1b")
}

// bytes and update are called by the readers and the engine as input is read.
func (p *progress) bytes(n int64)      { p.read.Add(n) }
func (p *progress) update(records int) { p.records.Store(int64(records)) }

// watch has the readers of opts tell p the bytes they read, and those the
// total (inputSizes) counted that they do not read: each file a walk
// leaves out once its start is read, the rest of one not read to its end,
// and what a file differs by from the size counted of it (sizes: written
// to, cut or removed since, growing as it is read), so that the line
// neither passes 100% nor stops short of it.
func (p *progress) watch(opts *transcript.Options, sizes map[string]int64) {
	opts.ReadBytes = p.bytes
	opts.LeftOutBytes = func(n int64) { p.leftOut.Add(n) }
	opts.CopyingBytes = func(n int64) { p.copying.Store(n) }
	opts.CopiedCounted = !p.hasBar()
	opts.Counted = sizes
}

// hasBar reports whether p draws a bar: the total is known (not standard
// input from a pipe).
func (p *progress) hasBar() bool { return p.total > 0 }

func (p *progress) loop() {
	defer p.wg.Done()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	shown := false
	for {
		select {
		case <-p.stop:
			if shown {
				fmt.Fprint(p.w, progressRedraw)
			}
			return
		case <-t.C:
			// quick runs finish before any bar appears
			if time.Since(p.started) < 300*time.Millisecond {
				continue
			}
			fmt.Fprint(p.w, progressRedraw+p.line())
			shown = true
		}
	}
}

// line renders the bar for the current state, in ASCII: █, ░ and … are
// of ambiguous East Asian width, two columns in a Chinese Windows console
// (code page 936) and in terminals set to draw them wide as CJK users
// set them, where the bar, twice as long as the line, wrapped and each
// redraw left a line behind.
func (p *progress) line() string { return fitLine(p.draw(), p.width) }

// fitLine cuts l to fewer columns than the terminal's width, which would
// wrap it (columns as the reports count them, report.DisplayWidth: a CJK
// character or an emoji takes two): what does not fit goes, by whole
// fields (two spaces apart) where one ends before the cut, else after the
// last character that fits as drawn (clusterStart: a flag's two regional
// indicators, an emoji and the U+FE0F or skin tone after it, a ZWJ
// sequence, a letter and its combining marks are one), never within one.
func fitLine(l string, width int) string {
	if width <= 1 || report.DisplayWidth(l) < width {
		return l
	}
	cut := 0 // the longest start narrower than width, at a character's start
	ri := 0  // regional indicators in a row before i
	var prev rune
	for i, r := range l {
		starts := i == 0 || clusterStart(prev, r, ri)
		if isRegionalIndicator(r) {
			ri++
		} else {
			ri = 0
		}
		prev = r
		if !starts {
			continue
		}
		if report.DisplayWidth(l[:i]) >= width {
			break
		}
		cut = i
	}
	kept := l[:cut]
	if i := strings.LastIndex(kept, "  "); i > 0 && l[cut] != ' ' {
		kept = kept[:i]
	}
	return strings.TrimSpace(kept)
}

// clusterStart reports whether r, after prev, starts a character as a
// terminal draws it (a grapheme cluster, as far as a line of file names
// and counts needs: Unicode's rules without Hangul jamo, or Indic
// conjuncts): not a combining or spacing mark, a variation selector (❤️),
// ZWJ or ZWNJ, a skin tone (👍🏻) or a tag (the letters of 🏴󠁧󠁢󠁳󠁣󠁴󠁿), which go with
// the character before them; not a character after ZWJ (👩‍💻), and not
// the second regional indicator of a flag (🇨🇳: ri counts those in a row
// before r).
func clusterStart(prev, r rune, ri int) bool {
	switch {
	case r < utf8.RuneSelf:
		return true
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc),
		r == 0x200C, r == 0x200D,
		r >= 0x1F3FB && r <= 0x1F3FF,
		r >= 0xE0020 && r <= 0xE007F:
		return false
	case prev == 0x200D:
		return false
	case isRegionalIndicator(r):
		return ri%2 == 0
	}
	return true
}

// isRegionalIndicator reports whether r is one of the letters two of
// which make a flag (🇨🇳 is 🇨 🇳).
func isRegionalIndicator(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// draw renders the bar and what it counts, however long. While a
// workbook is copied before its rows are read (standard input, a
// gzip-compressed one), the line says so, and the bytes received: with a
// bar, which weighs the copy and the rows as one job (half of the bytes
// counted as they are copied, the other half as the rows are read, on
// from where the copy left it), in place of the bar's count, which is
// half of them ("26%  copying a workbook: 3.2 MB"); without one, as the
// bytes read, all of them counted as they are copied and none as the
// rows are read ("reading... 3.2 MB  copying a workbook").
func (p *progress) draw() string {
	read, recs := p.read.Load(), p.records.Load()
	copying := p.copying.Load()
	received := read // (the bytes received: all of a copy, see watch)
	if copying > 0 && p.hasBar() {
		received += copying - copying/2
	}
	secs := time.Since(p.started).Seconds()
	rest := fmt.Sprintf("  %s  %s/s", english.Count(recs, "record"), mib(int64(float64(received)/secs)))
	total := p.total - p.leftOut.Load()
	if !p.hasBar() || total <= 0 {
		what := ""
		if copying > 0 {
			what = "  copying a workbook"
		}
		return "reading... " + mib(received) + what + rest
	}
	frac := float64(read) / float64(total)
	if frac > 1 {
		frac = 1
	}
	info := fmt.Sprintf(" %3.0f%% %s of %s%s", 100*frac, mib(read), mib(total), rest)
	if copying > 0 {
		info = fmt.Sprintf(" %3.0f%%  copying a workbook: %s%s", 100*frac, mib(copying), rest)
	}
	bar := p.width - report.DisplayWidth(info) - 3
	if bar < 10 {
		return strings.TrimSpace(info)
	}
	full := int(frac * float64(bar))
	head := ""
	if full < bar {
		head = ">"
		bar--
	}
	return "[" + strings.Repeat("=", full) + head + strings.Repeat(" ", bar-full) + "]" + info
}

// done stops the bar and clears its line (once: the run's end and a
// broken pipe may both call it).
func (p *progress) done() {
	p.once.Do(func() {
		if !p.on {
			return
		}
		close(p.stop)
		p.wg.Wait()
		p.release()
	})
}

func mib(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
