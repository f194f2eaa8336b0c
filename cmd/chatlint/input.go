package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // --tz works on machines without a zoneinfo database

	"github.com/spf13/pflag"

	"github.com/chatlint/chatlint/internal/pathglob"
	"github.com/chatlint/chatlint/lint/config"
	"github.com/chatlint/chatlint/lint/transcript"
)

// inputFlags are the flags that say how to read transcripts.
type inputFlags struct {
	format     string
	encoding   string
	tz         string
	agents     []string
	staff      []string
	maps       []string
	messages   string
	roles      []string
	types      []string
	defaults   []string
	timeLayout string
	header     bool
	delimiter  string
	html       bool
	exclude    []string
	follow     bool

	fl *pflag.FlagSet // to tell flags given from defaults
}

func addInputFlags(fl *pflag.FlagSet, f *inputFlags) {
	f.fl = fl
	fl.StringVar(&f.format, "input-format", "auto", "input `FORMAT`: auto (by extension, else content), "+strings.Join(transcript.Formats(), ", "))
	fl.StringVar(&f.encoding, "encoding", "auto", "input character `ENCODING`: auto (byte-order mark, UTF-8, else GBK/GB18030 or Big5 by content), "+strings.Join(transcript.Encodings, ", ")+", or another WHATWG label (shift_jis, euc-kr, windows-1252 …)")
	fl.StringVar(&f.tz, "tz", "Asia/Shanghai", "time `ZONE` of times written without one: an IANA name (Asia/Shanghai, UTC), an offset as times write it (+08:00, UTC+8) or Local, the machine's")
	fl.StringArrayVar(&f.agents, "agents", nil, "sender-name `PATTERN` of agents, * any text, ? one character (repeatable), e.g. '店铺名:*'; decides roles where the export has none (txt, wecom, a csv without a role column); everyone else is a customer")
	fl.StringSliceVar(&f.staff, "staff", nil, "exact sender `ID` of an agent, e.g. a 企业微信 userid (repeatable or comma-separated)")
	fl.StringArrayVar(&f.maps, "map", nil, "where the export keeps each field: `FIELD=WHERE,...` with fields conversation, id, time, role, sender, type, text and a header name or 1-based column number (csv, tsv) or a JSON path such as author.type, . (the element itself) or ^id (an enclosing object's id) (json) (repeatable)")
	fl.StringVar(&f.messages, "messages", "", "json: `PATH` of the messages, e.g. '[]', '[].messages[]', '[].turns[].utterances[]' (each utterance a message carrying its turn's fields), 'Transcript[]'; several paths, comma-separated, are each followed, e.g. 'source,conversation_parts.conversation_parts[]'")
	fl.StringArrayVar(&f.roles, "roles", nil, "map the export's role values to roles: `VALUE=ROLE,...` e.g. '1=agent,0=customer' or 'helpdesk=agent' (roles: customer, agent, bot, system; repeatable)")
	fl.StringArrayVar(&f.types, "types", nil, "map the export's message-type values to types: `VALUE=TYPE,...` e.g. '2=note,3=image', or to skip: records of that type are counted as skipped, not linted, e.g. 'EVENT=skip'; * maps every value not listed (repeatable)")
	fl.StringArrayVar(&f.defaults, "default", nil, "value for a field the export lacks: `FIELD=VALUE,...` for conversation, role, sender, type, e.g. 'role=agent' (repeatable)")
	fl.StringVar(&f.timeLayout, "time-layout", "", "`LAYOUT` of the time field: Go ('2006/01/02 15:04') or strftime ('%Y/%m/%d %H:%M'), or unix / unixms (default: RFC 3339, '2006-01-02 15:04:05', '2006年1月2日 15:04:05' or epoch s/ms)")
	fl.BoolVar(&f.header, "header", true, "csv/tsv: the first row names the columns (--header=false: map columns by number with --map)")
	fl.StringVar(&f.delimiter, "delimiter", "", "csv/tsv: field separator `C`, one character or tab (default , for csv, TAB for tsv)")
	fl.StringArrayVar(&f.exclude, "exclude", nil, "leave out of directory walks the files and directories whose path below the directory walked matches `GLOB`: * and ? within a name, [...] classes, ** across directories (archive/**, **/drafts/**); a glob without / matches the name at any depth (*.draft.txt, archive), a trailing / directories only; repeatable, one glob each; adds to exclude: in .chatlint.yaml; a file named is read whatever it matches")
	fl.BoolVarP(&f.follow, "follow", "L", false, "directory walks follow the symbolic links they meet, to directories and files (without it they are left out, as ripgrep and fd leave them, and those whose files no other name reads are named on stderr); a link named is always followed")
	fl.BoolVar(&f.html, "html", false, "message texts are HTML (help-desk exports such as Intercom, Zendesk, 七鱼, Udesk; rich-text canned replies): tags are removed, entities decoded, <br> and paragraphs become line breaks")
}

// options turns the flags (and the config, which flags override) into the
// readers' options.
func (f *inputFlags) options(cfg *config.Config, stdin io.Reader) (transcript.Options, error) {
	in := config.Input{}
	if cfg != nil {
		in = cfg.Input
	}
	pick := func(flag, value, fromConfig string) string {
		if f.changed(flag) || fromConfig == "" {
			return value
		}
		return fromConfig
	}
	format := pick("input-format", f.format, in.Format)
	// in any case (JSONL), as --encoding and --tz are read
	format = anyCase(format, append([]string{"auto"}, transcript.Formats()...))
	if !transcript.ValidFormat(format) {
		if !f.changed("input-format") && in.Format != "" && cfg != nil {
			return transcript.Options{}, fmt.Errorf("%s: unknown input.format %q (auto, %s)", cfg.Where("input.format"), format, strings.Join(transcript.Formats(), ", "))
		}
		return transcript.Options{}, fmt.Errorf("unknown --input-format %q (auto, %s)", format, strings.Join(transcript.Formats(), ", "))
	}
	tz := pick("tz", f.tz, in.TZ)
	loc, err := loadZone(tz)
	if err != nil {
		if !f.changed("tz") && in.TZ != "" && cfg != nil {
			return transcript.Options{}, fmt.Errorf("%s: input.tz %q: %w", cfg.Where("input.tz"), tz, err)
		}
		return transcript.Options{}, fmt.Errorf("unknown --tz %q: %w", tz, err)
	}
	enc := pick("encoding", f.encoding, in.Encoding)
	if err := transcript.CheckEncoding(enc); err != nil {
		if !f.changed("encoding") && in.Encoding != "" && cfg != nil {
			return transcript.Options{}, fmt.Errorf("%s: input.encoding: %w", cfg.Where("input.encoding"), err)
		}
		return transcript.Options{}, fmt.Errorf("--encoding: %w", err)
	}
	encFrom := ""
	if !f.changed("encoding") && in.Encoding != "" && cfg != nil {
		encFrom = cfg.Where("input.encoding")
	}
	opts := transcript.Options{
		Format:       format,
		Location:     loc,
		Encoding:     enc,
		EncodingFrom: encFrom,
		Stdin:        stdin,
		Agents:       in.Agents,
		Staff:        in.Staff,
		HTML:         in.HTML,

		FollowLinks: in.Follow,
		// the reports and baselines of other runs a walk finds
		OwnFile: ownFile,
	}
	if f.changed("follow") {
		opts.FollowLinks = f.follow
	}
	if f.changed("html") {
		opts.HTML = f.html
	}
	if f.changed("agents") {
		opts.Agents = f.agents
	}
	if f.changed("staff") {
		opts.Staff = f.staff
	}
	for _, p := range opts.Agents {
		if strings.TrimSpace(p) != "" {
			continue
		}
		if !f.changed("agents") && cfg != nil {
			return transcript.Options{}, fmt.Errorf("%s: input.agents: an empty pattern: give sender names such as \"店铺名:*\"", cfg.Where("input.agents"))
		}
		return transcript.Options{}, fmt.Errorf("--agents: empty pattern")
	}

	m := &transcript.Mapping{
		Fields:     copyMap(in.Fields),
		Messages:   pick("messages", f.messages, in.Messages),
		Roles:      copyMap(in.Roles),
		Types:      copyMap(in.Types),
		Defaults:   copyMap(in.Defaults),
		TimeLayout: pick("time-layout", f.timeLayout, in.TimeLayout),
		Header:     in.Header,
		Delimiter:  pick("delimiter", f.delimiter, in.Delimiter),
		Quotes:     in.Quotes,
	}
	if f.changed("header") {
		h := f.header
		m.Header = &h
	}
	for _, kv := range []struct {
		flag  string
		specs []string
		into  *map[string]string
	}{
		{"map", f.maps, &m.Fields},
		{"roles", f.roles, &m.Roles},
		{"types", f.types, &m.Types},
		{"default", f.defaults, &m.Defaults},
	} {
		given := map[string]string{} // by the flag (it replaces the config's)
		for _, spec := range kv.specs {
			pairs, err := transcript.ParsePairs(spec)
			if err != nil {
				return transcript.Options{}, fmt.Errorf("--%s: %w", kv.flag, err)
			}
			if *kv.into == nil {
				*kv.into = map[string]string{}
			}
			for k, v := range pairs {
				if prev, dup := given[k]; dup && prev != v {
					return transcript.Options{}, fmt.Errorf("--%s: %s is given twice: %s=%s and %s=%s", kv.flag, k, k, prev, k, v)
				}
				given[k] = v
				(*kv.into)[k] = v
			}
		}
	}
	if err := m.Validate(); err != nil {
		if at := f.configMappingError(cfg, m); at != nil {
			return transcript.Options{}, at
		}
		where := "input"
		if cfg != nil && cfg.File != "" {
			where += " (flags and " + cfg.File + ")"
		}
		return transcript.Options{}, fmt.Errorf("%s: %w", where, err)
	}
	opts.Mapping = m
	// the config's globs (checked as it was read), then the flags'
	if cfg != nil {
		opts.Exclude = append(opts.Exclude, cfg.ExcludeGlobs()...)
	}
	for _, pattern := range f.exclude {
		g, err := pathglob.Parse(pattern)
		if err != nil {
			return transcript.Options{}, fmt.Errorf("--exclude %q: %w", pattern, err)
		}
		opts.Exclude = append(opts.Exclude, g)
	}
	return opts, nil
}

// configMappingError finds the entry of the config's input section that
// makes the merged mapping m invalid on its own, and returns its error at
// the entry's line; nil when no entry the flags left alone does (the flags
// are wrong, or entries only together).
func (f *inputFlags) configMappingError(cfg *config.Config, m *transcript.Mapping) error {
	if cfg == nil || cfg.File == "" {
		return nil
	}
	in := cfg.Input
	for _, sec := range []struct {
		key    string
		cfg    map[string]string
		merged map[string]string
		alone  func(map[string]string) *transcript.Mapping
	}{
		{"fields", in.Fields, m.Fields, func(e map[string]string) *transcript.Mapping { return &transcript.Mapping{Fields: e} }},
		{"roles", in.Roles, m.Roles, func(e map[string]string) *transcript.Mapping { return &transcript.Mapping{Roles: e} }},
		{"types", in.Types, m.Types, func(e map[string]string) *transcript.Mapping { return &transcript.Mapping{Types: e} }},
		{"defaults", in.Defaults, m.Defaults, func(e map[string]string) *transcript.Mapping { return &transcript.Mapping{Defaults: e} }},
	} {
		keys := make([]string, 0, len(sec.cfg))
		for k := range sec.cfg {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if v, ok := sec.merged[k]; !ok || v != sec.cfg[k] {
				continue // a flag gave it another value
			}
			if err := sec.alone(map[string]string{k: sec.cfg[k]}).Validate(); err != nil {
				return fmt.Errorf("%s: input.%s: %w", cfg.Where("input."+sec.key+"."+k), sec.key, err)
			}
		}
	}
	for _, one := range []struct {
		key, flag, value string
		alone            *transcript.Mapping
	}{
		{"messages", "messages", in.Messages, &transcript.Mapping{Messages: in.Messages}},
		{"time_layout", "time-layout", in.TimeLayout, &transcript.Mapping{TimeLayout: in.TimeLayout}},
		{"delimiter", "delimiter", in.Delimiter, &transcript.Mapping{Delimiter: in.Delimiter}},
	} {
		if one.value == "" || f.changed(one.flag) {
			continue
		}
		if err := one.alone.Validate(); err != nil {
			return fmt.Errorf("%s: input.%s: %w", cfg.Where("input."+one.key), one.key, err)
		}
	}
	return nil
}

// changed reports whether a flag was given on the command line.
// mappingFlag is a field-mapping flag given on the command line, with the
// input: key of the part of the mapping it sets.
type mappingFlag struct{ flag, key string }

// mappingGiven lists the field-mapping flags given on the command line
// (--header only as --header=false, the default being a header row), for
// the warning after the run about those no file's reader took. The
// config's input: section is not told of: it holds the shop's standing
// settings, which a run over other files (the JDDC corpus, a canned
// library) need not hear about each time.
func (f *inputFlags) mappingGiven() []mappingFlag {
	var out []mappingFlag
	for _, g := range []mappingFlag{{"--map", "fields"}, {"--messages", "messages"}, {"--roles", "roles"}, {"--types", "types"},
		{"--default", "defaults"}, {"--time-layout", "time_layout"}, {"--header=false", "header"}, {"--delimiter", "delimiter"}} {
		name, _, _ := strings.Cut(strings.TrimPrefix(g.flag, "--"), "=")
		if f.changed(name) && (name != "header" || !f.header) {
			out = append(out, g)
		}
	}
	return out
}

func (f *inputFlags) changed(name string) bool {
	if f.fl == nil {
		return false
	}
	fl := f.fl.Lookup(name)
	return fl != nil && fl.Changed
}

func copyMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// loadZone is the time zone --tz names: an IANA name (Asia/Shanghai, UTC,
// Local), or a fixed offset as times write it (+08:00, +0800, +8, UTC+8,
// GMT-05:30).
func loadZone(tz string) (*time.Location, error) {
	if strings.TrimSpace(tz) == "" {
		return nil, errors.New("no zone given (e.g. Asia/Shanghai, UTC or +08:00)")
	}
	if off, ok := transcript.ParseOffset(tz); ok {
		return time.FixedZone(tz, off), nil
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		// zone names are matched as written (files on most systems):
		// utc, asia/shanghai and america/new_york mean UTC, Asia/Shanghai
		// and America/New_York
		if l, e := time.LoadLocation(zoneCase(tz)); e == nil {
			return l, nil
		}
	}
	return loc, err
}

// zoneCase writes an IANA zone name the way the database spells most of
// them: UTC and Local as such, else each word capitalised and the rest
// lower case (asia/shanghai → Asia/Shanghai, america/new_york →
// America/New_York).
func zoneCase(tz string) string {
	switch {
	case strings.EqualFold(tz, "utc"):
		return "UTC"
	case strings.EqualFold(tz, "local"):
		return "Local"
	}
	b := []byte(strings.ToLower(tz))
	for i := range b {
		if (i == 0 || b[i-1] == '/' || b[i-1] == '_' || b[i-1] == '-') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}
