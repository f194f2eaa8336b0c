package report

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// reasonSources are the packages whose reasons the text and HTML reports
// say: the readers' (malformed records, unreadable files) and the
// engine's.
var reasonSources = []string{"../transcript", ".."}

// reasonSample makes a reason of the kind of a string found in
// reasonSources: the string as a format with args (by default a value of
// the kind of each verb: see sampleArgs), or reason when it is only a part
// of one (a hint, a word of a reason built from parts). keep are values of
// the export it holds, kept as they are in Chinese; say, if set, is what
// says it in Chinese (a skipped record's reason, a conversation's note)
// instead of reasonText.
type reasonSample struct {
	args   []any
	reason string
	keep   []string
	say    func(string) string
}

// size is a size as reasons write them (lint.ByteSize).
const size = "4 MiB"

// reasonSamples are the reasons of reasonSources, by the string they are
// made from.
var reasonSamples = map[string]reasonSample{
	// where in the file
	"line %d: %w":             {args: []any{7, errors.New(`quoted field has no closing quote (truncated file?)`)}},
	"line %d: first row: %s":  {args: []any{2, "record has 3 fields, the header has 2"}},
	"line %d: header row: %s": {args: []any{1, "record has 3 fields, the header has 2"}},
	"%s: row %d: %w":          {args: []any{"xl/worksheets/sheet1.xml", 3, errors.New("unexpected EOF")}},
	"sheet %q: %w":            {args: []any{"11月5日", errors.New("unexpected EOF")}, keep: []string{"11月5日"}},
	"cell %s%d refers to shared string %q, but the workbook's table of them (%s) holds %d, numbered from 0: a damaged workbook; open and save it again in Excel or WPS": {
		args: []any{"D", 3, "8", "xl/sharedStrings.xml", 8}, keep: []string{"xl/sharedStrings.xml"}},
	"xl/workbook.xml: %w":             {args: []any{errors.New("XML syntax error on line 2: unexpected EOF")}},
	"line %d: %s":                     {args: []any{3, "the reply is a number, not text (quote it to lint it as a reply)"}},
	"%s… (%s in all)":                 {reason: `unknown role "xxxx… (1.5 KiB in all)`},
	"not an Excel .xlsx workbook: %w": {args: []any{errors.New("zip: not a valid zip file")}},
	"the workbook is cut off: it starts as an .xlsx (a ZIP archive) does, but the directory that ends one is missing: still being written or copied when read? lint it once complete, or save it again from Excel or WPS (%w)": {args: []any{errors.New("zip: not a valid zip file")}},
	"gzip: %w": {args: []any{errors.New("invalid checksum")}},
	"the gzip-compressed data ends early (truncated file? still being written or copied when read?)": {reason: "line 574: the gzip-compressed data ends early (truncated file? still being written or copied when read?)"},
	"copying the workbook to a temporary file: %w":                                                   {args: []any{errors.New("write /tmp/chatlint-1.xlsx: no space left on device")}, keep: []string{"write /tmp/chatlint-1.xlsx: no space left on device"}},

	// times
	"unparseable time %q (%w)": {args: []any{"2026-11-04 10:00 CST", errors.New("zones that disagree: +08:00 and +09:00")}, keep: []string{"+08:00", "+09:00"}},
	"unparseable time %s":      {args: []any{`"2026年2月30日 10:02"`}},
	"unparseable time %q%s":    {args: []any{"２０２６年２月３０日 10:02", " (a date without the time of day: the timing rules need both)"}},
	"unparseable time %q (%s)": {args: []any{"26年11月4日 10:02", "a year of 2 digits: 26年 may be of this century or the last, or of the Minguo calendar, whose year 115 is 2026; export the times with the year in full, e.g. 2026年11月4日 10:02"}},
	"the zone %s is an abbreviation, which may name several: CST is China's +08:00 but also America's -06:00; write the offset, e.g. +08:00, or leave the zone out and give --tz": {args: []any{"CST"}, keep: []string{"CST", "+08:00", "-06:00"}},
	"zones that disagree: %s and %s": {args: []any{"+08:00", "+00:00"}},
	"unparseable time %q (a time of day without a date: keep the date in the same field, or, in a csv or a workbook, in a column of its own named 日期 or date)":                                                           {},
	"unparseable time %q (use RFC 3339, \"2006-01-02 15:04:05\", \"2006年1月2日 15:04:05\" or epoch seconds/milliseconds, or give the export's layout with --time-layout, e.g. '%%d/%%m/%%Y %%H:%%M' for 04/11/2026 10:00)": {},
	"unparseable time %q (a date without the time of day: the timing rules need both)":                                                                                                                                   {},
	"unparseable time %q (no such date or time of day? read are dates and times such as 2026年11月4日 10:02:03, 2026年11月4号 10:02 and 2026年11月4日 下午3:05)":                                                                    {},
	"a date without a year: a conversation that crosses New Year could not be ordered; export the times with their year, e.g. 2026年11月4日 10:02":                                                                          {reason: `unparseable time "11月4日 10:02" (a date without a year: a conversation that crosses New Year could not be ordered; export the times with their year, e.g. 2026年11月4日 10:02)`},
	"a year of %d digits: %s年 may be of this century or the last, or of the Minguo calendar, whose year 115 is 2026; export the times with the year in full, e.g. 2026年11月4日 10:02":                                      {args: []any{3, "115"}},
	"unparseable time %s (no epoch time: an Excel date serial number? give the column a date format, yyyy-mm-dd hh:mm:ss, in the workbook; a csv saved from it then holds the times)":                                    {args: []any{"46330.42"}},
	"unparseable time %s (epoch seconds before 1973: no chat's time)":                                                                                                                                                    {args: []any{"5000"}},
	"unparseable time %s (epoch out of range)": {args: []any{"1e+15"}},
	"unparseable time %.0f (no epoch time: milliseconds would be after the year 2286; a compact date and time such as 20261104100000 needs --time-layout '%%Y%%m%%d%%H%%M%%S')": {args: []any{20261104100000.0}},
	"unparseable time %q in the header line (no such date or time)":       {args: []any{"2026-02-30 10:00:00"}},
	"unparseable time %q in the header line (no such time)":               {args: []any{"25:00:00"}},
	"time %q is not an epoch number (time layout %s)":                     {args: []any{"abc", "unix"}},
	"time %q out of range (time layout %s)":                               {args: []any{"-5", "unixms"}},
	"time %q does not match the time layout %q%s":                         {args: []any{"2026-1-4 10:00", "2006-01-02 15:04", " (in a Go layout, 01 and 02 take two digits: 1 and 2 read 11/4 too)"}},
	" (in a Go layout, 01 and 02 take two digits: 1 and 2 read 11/4 too)": {reason: `time "2026-1-4 10:00" does not match the time layout "2006-01-02 15:04" (in a Go layout, 01 and 02 take two digits: 1 and 2 read 11/4 too)`},

	// an epoch number of the other unit
	"time %q is epoch milliseconds, not seconds (time layout unix): use --time-layout unixms": {args: []any{"1793757600000"}},
	"time %q is epoch seconds, not milliseconds (time layout unixms): use --time-layout unix": {args: []any{"1793757600"}},

	// roles, senders and fields
	// a quote and a line break in the value, and so in the flag or the
	// config it suggests
	"unknown role %q (map it, e.g. --roles %s; roles are customer, agent, bot, system)":                                                                                                 {args: []any{"a\"b\nc", "'a\"b\nc=agent'"}},
	"unknown role %q (map it in .chatlint.yaml, under input: roles: { %s: %s }; --roles cannot name a value holding a comma or an equals sign; roles are customer, agent, bot, system)": {args: []any{"a,\"b\nc", "'a,\"b\nc'", "agent"}},
	"no role and no sender (map the role field, or set a default role)":                                                                                                                 {},
	"no role for sender %q (map the role field, or name the agents with --agents PATTERN)":                                                                                              {},
	"no text":                  {},
	"no text (%s)":             {args: []any{"body"}},
	"no text (%s is null)":     {args: []any{"body"}},
	`no text ("text" is null)`: {},
	"conversation id %q is a number in scientific notation, as Excel saves a long one it shows so: its digits are lost, and conversations would run together (give the column a text format, or the number format 0, and export again)": {args: []any{"1.23457E+15"}},
	"invalid string": {reason: `"sender": invalid string`},
	"expected a string or a number, got an object":   {reason: `"text": expected a string or a number, got an object`},
	"expected a string or a number, got a list":      {reason: `"text": expected a string or a number, got a list`},
	"%s (%s): expected a string or a number, got %s": {args: []any{"text", "body.text", "an object"}},
	"%q: expected a string or a number, got %s":      {args: []any{"text", "a list"}},
	"mapping: field %s: %w":                          {args: []any{"text", errors.New(`"a[": missing ]`)}},
	"%q: empty key":                                  {reason: `mapping: field text: "a..b": empty key`},
	"%q: missing ]":                                  {reason: `mapping: field text: "a[": missing ]`},
	"%q: unexpected ]":                               {reason: `mapping: field text: "a]": unexpected ]`},
	"%q: [] (every element) only belongs in the messages path; use [N] for one element": {reason: `mapping: field text: "a[]": [] (every element) only belongs in the messages path; use [N] for one element`},
	"%q: [%s] is not an array index":                           {reason: `mapping: field text: "a[x]": [x] is not an array index`},
	"duplicate message id %q in conversation %q (first at %s)": {args: []any{"m1", "c1", "day.jsonl:3"}, keep: []string{"day.jsonl:3"}},
	"no conversation id, though earlier records of this file have one (only a file without any is one conversation)": {},
	"no conversation id, though later records of this file have one (only a file without any is one conversation)":   {},

	// JSON
	"line %d, column %d: invalid JSON: %s":                        {args: []any{3, 7, "invalid character 'x' looking for beginning of value"}},
	"line %d, column %d: invalid JSON: %s %s":                     {args: []any{3, 7, "invalid character 'x'", "looking for beginning of value"}},
	"invalid JSON: %s (column %d)":                                {args: []any{"invalid character 'x' after object key", 9}},
	"invalid JSON: %s":                                            {args: []any{"unexpected end of JSON input"}},
	"invalid character %s":                                        {reason: `invalid JSON: invalid character 'x' looking for beginning of value (column 3)`},
	"invalid character":                                           {reason: `invalid JSON: invalid character (column 3)`},
	"invalid character ":                                          {reason: `invalid JSON: invalid character U+3000 (ideographic space) after object key:value pair (column 3)`},
	"invalid byte 0x%02x (not UTF-8)":                             {reason: `invalid JSON: invalid byte 0xff (not UTF-8) in string literal (column 9)`},
	"invalid character U+%04X (%s)":                               {reason: `invalid JSON: invalid character U+FEFF (byte-order mark) looking for beginning of value (column 1)`},
	"invalid character U+%04X":                                    {reason: `invalid JSON: invalid character U+0007 in string literal (column 4)`},
	"invalid character '%c' (U+%04X)":                             {reason: `invalid JSON: invalid character '，' (U+FF0C) after object key:value pair (column 12)`},
	"byte-order mark":                                             {reason: `invalid JSON: invalid character U+FEFF (byte-order mark) looking for beginning of value (column 1)`},
	"no-break space":                                              {reason: `invalid JSON: invalid character U+00A0 (no-break space) looking for beginning of value (column 1)`},
	"ideographic space":                                           {reason: `invalid JSON: invalid character U+3000 (ideographic space) looking for beginning of value (column 1)`},
	"zero-width space":                                            {reason: `invalid JSON: invalid character U+200B (zero-width space) looking for beginning of value (column 1)`},
	"line separator":                                              {reason: `invalid JSON: invalid character U+2028 (line separator) looking for beginning of value (column 1)`},
	"paragraph separator":                                         {reason: `invalid JSON: invalid character U+2029 (paragraph separator) looking for beginning of value (column 1)`},
	"looking for beginning of value":                              {reason: `invalid JSON: invalid character 'x' looking for beginning of value (column 1)`},
	"looking for beginning of object key string":                  {reason: `invalid JSON: invalid character 'x' looking for beginning of object key string (column 1)`},
	"after object key":                                            {reason: `invalid JSON: invalid character 'x' after object key (column 1)`},
	"after object key:value pair":                                 {reason: `invalid JSON: invalid character 'x' after object key:value pair (column 1)`},
	"after array element":                                         {reason: `invalid JSON: invalid character 'x' after array element (column 1)`},
	"after top-level value":                                       {reason: `invalid JSON: invalid character 'x' after top-level value (column 1)`},
	"in string literal":                                           {reason: `invalid JSON: invalid character U+0007 in string literal (column 1)`},
	"in string escape code":                                       {reason: `invalid JSON: invalid character 'x' in string escape code (column 1)`},
	"in \\u hexadecimal character escape":                         {reason: `invalid JSON: invalid character 'x' in \u hexadecimal character escape (column 1)`},
	"in numeric literal":                                          {reason: `invalid JSON: invalid character 'x' in numeric literal (column 1)`},
	"after decimal point in numeric literal":                      {reason: `invalid JSON: invalid character 'x' after decimal point in numeric literal (column 1)`},
	"in exponent of numeric literal":                              {reason: `invalid JSON: invalid character 'x' in exponent of numeric literal (column 1)`},
	"in literal %s (expecting %s)":                                {reason: `invalid JSON: invalid character 'x' in literal true (expecting 'e') (column 1)`},
	"expected a JSON object with the message fields":              {},
	"expected a JSON object with the message fields, got %s":      {args: []any{"a list"}},
	"line %d: expected a JSON array or object at the top, got %s": {args: []any{1, "42"}},
	"the string %q":                                               {reason: `line 1: expected a JSON array or object at the top, got the string "x"`},
	"an object":                                                   {reason: `expected a message object, got an object`},
	"expected a message object, got %s":                           {args: []any{"a number"}},
	"%q: expected a list of messages, got %s":                     {args: []any{"Messages", "a string"}},
	"the conversation holds %s: which list are its messages?":     {args: []any{`"Messages" and "messages"`}},
	"the object holds both a text of its own (%q) and a %q list: is it a message or a conversation?": {args: []any{"text", "Messages"}},
	"expected a list (messages path %q), got %s":                                                     {args: []any{"data.items[]", "a number"}},
	"no element [%d] here (messages path %q)":                                                        {args: []any{2, "data[2]"}},
	"expected an object with %q (messages path %q), got %s":                                          {args: []any{"items", "data.items[]", "a list"}},
	"no %q here (messages path %q)":                                                                  {args: []any{"items", "data[].items[]"}},
	"line %d: the file holds an array, but the messages path %q starts with a key":                   {args: []any{1, "data[]"}},
	"the line holds an array, but the messages path %q starts with a key":                            {args: []any{"data[]"}},
	"line %d: the object holds both a %q list and a %q list (line %d): say which holds the transcript (%s or --messages %s)": {
		args: []any{1, "Conversations", "Messages", 9, "--messages 'Conversations[].Messages[]' --map 'conversation=^Id'", "'Messages[]'"}},
	"line %d: the object holds %s: which list is the transcript?": {args: []any{1, `"conversations" twice`}},
	"the file holds one JSON object a line, as JSONL does: --input-format jsonl reads on past a broken line, which is one malformed record": {
		reason: `line 2, column 54: invalid JSON: invalid character '\n' in string literal; the file holds one JSON object a line, as JSONL does: --input-format jsonl reads on past a broken line, which is one malformed record`},
	"line %d: %q comes after the list %q (line %d), which was linted as it was read (a list over %s is); its messages may depend on %q, so put it before the list":                                                 {args: []any{90210, "id", "messages", 1, size, "id"}},
	"a JSON value runs over the %s a record may take (4 × --max-message-size)":                                                                                                                                     {args: []any{size}},
	"line %d: a key over the %s a record may take (at column %d) comes after the list %q (line %d), which was linted as it was read (a list over %s is); its messages may depend on it, so put it before the list": {args: []any{90210, size, 3, "messages", 1, size}},
	"JSON value at %s is %s long, over the %s a record may take (4 × --max-message-size); not read":                                                                                                                {args: []any{"column 44", "1.2 MiB", size}},
	"column %d":          {reason: `JSON value at column 44 is 1.2 MiB long, over the 1 MiB a record may take (4 × --max-message-size); not read`},
	"line %d, column %d": {reason: `JSON value at line 4, column 13 is 1.2 MiB long, over the 1 MiB a record may take (4 × --max-message-size); not read`},
	"exceeded max depth": {reason: `line 3, column 7: invalid JSON: invalid character '[' exceeded max depth`},

	// where a JSON document ends or a value over the bound starts
	"line %d, column %d: unexpected end of JSON (truncated file?)":      {},
	"column %d: unexpected end of JSON (truncated file?)":               {},
	"line %d, column %d: invalid JSON: nested more than %d levels deep": {},

	"for another layout use --messages and --map":  {reason: `missing "text" (keys: role, content; for another layout use --messages and --map)`, keep: []string{"role, content"}},
	"the messages may be at %s: try --messages %s": {reason: `missing "text" (keys: id, turns; the messages may be at [].turns[]: try --messages '[].turns[]')`, keep: []string{"id, turns", "[].turns[]"}},

	// encodings and sizes
	"NUL byte in the record (binary data?)":                                                                               {},
	"invalid UTF-8 in the record (wrong encoding? use --encoding gbk, big5, …)":                                           {},
	"bytes in the record that %s cannot read (wrong --encoding?)":                                                         {args: []any{"gbk"}},
	"bytes in the record that %s cannot read (the file's byte-order mark says %[1]s)":                                     {args: []any{"UTF-16LE"}},
	"bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file was read as %s, guessed from its bytes)": {args: []any{"GB18030"}},
	"bytes in the record that neither GB18030, Big5 nor UTF-8 can read (the file's byte-order mark says UTF-8)":           {},
	"--encoding utf-16 needs a byte-order mark; use utf-16le or utf-16be":                                                 {},
	"input.encoding utf-16 (%s) needs a byte-order mark; use utf-16le or utf-16be":                                        {args: []any{"/shop/.chatlint.yaml:2"}, keep: []string{"/shop/.chatlint.yaml:2", "input.encoding utf-16"}},
	"the file mixes encodings (%s, but line %d is %s): convert it to one encoding first":                                  {args: []any{"GB18030", 12, "UTF-8"}},
	"looks like UTF-16 without a byte-order mark: use --encoding %s":                                                      {args: []any{"utf-16le"}},
	"line is %s long%s, over the %s a record may take (4 × --max-message-size); not read":                                 {args: []any{"166 B", "", "128 B"}},
	" once read as UTF-8": {reason: `line is 249 B long once read as UTF-8, over the 128 B a record may take (4 × --max-message-size); not read`},
	"message is %s long, over the %s a record may take (4 × --max-message-size); not read": {args: []any{"166 B", "128 B"}},
	"message text is %s, over the %s a message may take (--max-message-size); not linted":  {args: []any{"45 B", "32 B"}},
	"record is over the %s a record may take":                                              {reason: `record is over the 64 B a record may take (4 × --max-message-size) (the record runs from line 2 to line 32); not read`},
	"%s (the record runs from line %d to line %d); not read":                               {args: []any{"record is over the 64 B a record may take (4 × --max-message-size)", 2, 32}},
	"%s; not read": {args: []any{"quoted field has no closing quote (truncated file?)"}},
	"; not read":   {reason: `record is over the 64 B a record may take (4 × --max-message-size); not read`},
	"quoted field has no closing quote (truncated file?)": {},
	": the record runs from line %d to the end of the file (line %d), and no line after it was read as a record of its own": {
		reason: `quoted field has no closing quote (truncated file?): the record runs from line 3 to the end of the file (line 9), and no line after it was read as a record of its own; not read`},

	// a file --encoding names wrongly, a line of another among UTF-8 ones
	"the file is %s, not %s as --encoding %s says (%s): drop --encoding, or use --encoding %s": {args: []any{"GB18030", "UTF-8", "utf-8", "its Chinese would be bytes UTF-8 cannot read", "gbk"}},
	"its Chinese would be bytes UTF-8 cannot read":                                             {reason: "the file is GB18030, not UTF-8 as --encoding utf-8 says (its Chinese would be bytes UTF-8 cannot read): drop --encoding, or use --encoding gbk"},
	"its Chinese would be bytes %s cannot read, or other characters":                           {reason: "the file is GB18030, not Big5 as --encoding big5 says (its Chinese would be bytes Big5 cannot read, or other characters): drop --encoding, or use --encoding gbk"},
	"%s: take input.encoding out of %s, or use --encoding %s": {args: []any{"the file is UTF-8, not GB18030 as input.encoding gbk says (its Chinese would read as other characters)", "/shop/.chatlint.yaml:2", "utf-8"},
		keep: []string{"/shop/.chatlint.yaml:2", "input.encoding gbk"}},
	"the file is %s, not %s as input.encoding %s says (%s)":                                                                       {args: []any{"UTF-8", "GB18030", "gbk", "its Chinese would read as other characters"}, keep: []string{"input.encoding gbk"}},
	"its Chinese would read as other characters":                                                                                  {reason: "the file is UTF-8, not GB18030 as --encoding gbk says (its Chinese would read as other characters): drop --encoding, or use --encoding utf-8"},
	"invalid UTF-8 in the record (--encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such)":     {},
	"invalid UTF-8 in the record (--encoding says UTF-8, and neither GB18030 nor Big5 reads it either)":                           {},
	"invalid UTF-8 in the record (input.encoding says UTF-8: without it, a line in GBK or Big5 among UTF-8 ones is read as such)": {},
	"invalid UTF-8 in the record (input.encoding says UTF-8, and neither GB18030 nor Big5 reads it either)":                       {},
	"%s (wrong input.encoding?)": {args: []any{"bytes in the record that gbk cannot read"}},

	// CESU-8 (--fix)
	"line %d writes a character past U+FFFF as a surrogate pair (CESU-8, as Java and MySQL's utf8mb3 write them), not as UTF-8: convert the file to UTF-8 first": {args: []any{12}},
	"line %d holds bytes of Windows-1252 punctuation (“ ” – …: 80–9F) among UTF-8 text: convert the file to UTF-8 first":                                         {args: []any{12}},

	// csv, tsv and workbooks
	"record has %d fields":             {reason: `record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)`},
	"record has 1 field":               {reason: `record has 1 field, the header has 2 (a line break in a field without quotes, or a missing comma?)`},
	", the header has %d (%s)":         {reason: `record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)`},
	"unbalanced quotes or a stray %s?": {reason: `record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)`},
	"line 1: the file holds JSON, not delimited values: use --input-format %s": {args: []any{"jsonl"}},
	"a line break in a field without quotes, or a missing %s?":                 {reason: `record has 2 fields, the header has 5 (a line break in a field without quotes, or a missing comma?)`},
	", the header row has %d cells, %d of them named (%s)":                     {reason: `record has 9 fields, the header row has 7 cells, 4 of them named (unbalanced quotes or a stray comma?)`},
	", the mapping needs %d": {reason: `record has 1 field, the mapping needs 2`},
	"record has %d fields; the file is one column without a header (a %s in the reply? quote it, or name the file .txt: one reply per line)": {args: []any{3, "comma"}},
	", the reply is in column %d": {reason: `record has 1 field, the reply is in column 2`},
	"text after the closing quote of field %d (a quote inside a quoted field must be doubled: \"\")":                                                        {},
	"no header row (--header=false): map text to a column number, not %q":                                                                                   {args: []any{"body"}},
	"no header row (--header=false): map %s to a column number, not %q":                                                                                     {args: []any{"text", "body"}},
	"no header row (--header=false): map the text column, e.g. --map text=5":                                                                                {},
	"%s is mapped to column %d: columns are numbered from 1":                                                                                                {args: []any{"text", 0}},
	"%s is mapped to column %d, the header has %d":                                                                                                          {args: []any{"text", 9, 2}},
	"%s is mapped to column %q, which the header does not have (columns: %s)":                                                                               {args: []any{"text", "body", `"role", "text"`}, keep: []string{`"role", "text"`}},
	"no text column in the first row (cells: %s): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N":  {args: []any{`"a", "b"`}},
	"columns %d (%q) and %d (%q) both name the text: say which to lint, --map text=%s or --map text=%s":                                                     {args: []any{5, "内容", 6, "消息内容", "'内容'", "'消息内容'"}, keep: []string{"'内容'"}},
	"no text column in the header (columns: %s): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N%s": {args: []any{`"role", "remark"`, ""}},
	" (a canned-reply list reads with --input-format canned)":                                                                                               {reason: `no text column in the header (columns: "分类", "话术"): name it text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N (a canned-reply list reads with --input-format canned)`},
	"line %d: no reply column in the header (columns: %s): name it 话术, 回复, 内容 or text, or --map text=COLUMN":                                                {args: []any{1, `"编号", "分类"`}},
	"the header row is separated by %s, not %s: use %s":                                                                                                     {args: []any{"';'", "commas", "--delimiter ';'"}},
	"--input-format tsv (or --delimiter tab)":                                                                                                               {reason: `the header row is separated by TABs, not commas: use --input-format tsv (or --delimiter tab)`},
	"--input-format csv (or --delimiter ,)":                                                                                                                 {reason: `the header row is separated by commas, not TABs: use --input-format csv (or --delimiter ,)`},
	"no header row naming the columns (is the file %s-separated? without a header use --header=false and --map)":                                            {args: []any{"comma"}},
	"only a header row, no messages":                                                                                                                        {},
	"no messages: its lists are empty":                                                                                                                      {},
	"empty file: no header row":                                                                                                                             {},
	"empty file: no replies":                                                                                                                                {},
	"empty file: no records":                                                                                                                                {},
	"a value runs over the %s a record may take (4 × --max-message-size); the rest of the workbook is not read":                                             {args: []any{"1 MiB"}},
	"a ZIP archive, not an Excel .xlsx workbook (no xl/workbook.xml)":                                                                                       {},
	"the first worksheet (%s) is missing":                                                                                                                   {args: []any{"xl/worksheets/sheet1.xml"}},
	"the workbook's shared strings run past %d entries: a damaged or hostile workbook (a decompression bomb?); not read":                                    {args: []any{1000000}},
	"the workbook's shared strings run past %s: a damaged or hostile workbook (a decompression bomb?); not read":                                            {args: []any{"4 GiB"}},
	"%s: the worksheet's merged cells run past %d ranges: a damaged or hostile workbook (a decompression bomb?); not read":                                  {args: []any{"xl/worksheets/sheet1.xml", 2097152}, keep: []string{"xl/worksheets/sheet1.xml"}},
	"the workbook's styles run past %d formats: a damaged or hostile workbook (a decompression bomb?); not read":                                            {args: []any{100000}},
	"cell %s is beyond column %d":                                                                                                                           {args: []any{"XFE7", 16384}},
	"no visible worksheet has a header row naming the columns: %s; name the text column text/内容/content, or --map text=COLUMN; without a header row use --header=false and --map text=N": {
		args: []any{`sheet "封面" (visible): line 1: no text column in the first row (cells: "2026年11月 客服(质检)", "…"); sheet "旧记录" (hidden): its header row names the columns, but a hidden sheet is not read (unhide it)`}},
	"no visible worksheet has rows reaching the text column (column %d, --header=false): %s": {args: []any{3, `sheet "封面" (visible): line 1: the row has 1 cell; sheet "空白" (visible): no rows`}},
	"sheet %q (%s): %s":             {args: []any{"透视表", "visible", `line 1: text is mapped to column "消息", which the header does not have (columns: "行标签", "计数项:会话ID")`}},
	"its part %s is missing":        {args: []any{"xl/worksheets/sheet1.xml"}},
	"no rows":                       {},
	"line %d: the row has 1 cell":   {},
	"line %d: the row has %d cells": {},
	"its header row names the columns, but a hidden sheet is not read (unhide it)": {},

	// canned-reply libraries
	"control character %U in the record (YAML allows none; write it as an escape in a double-quoted reply)": {},
	"a YAML library over %s is not read (it is parsed whole): split it":                                     {args: []any{"64 MiB"}},
	"the YAML parser failed: %v": {args: []any{"runtime error: index out of range [3] with length 3"}, keep: []string{"runtime error: index out of range [3] with length 3"}},
	"line %d: YAML syntax error: %s (a canned library is a YAML list of replies, or groups of them)": {args: []any{3, "did not find expected key"}},
	"did not find expected ',' or ']'":       {reason: `line 3: YAML syntax error: did not find expected ',' or ']' (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected ',' or '}'":       {reason: `line 3: YAML syntax error: did not find expected ',' or '}' (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected '-' indicator":    {reason: `line 3: YAML syntax error: did not find expected '-' indicator (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected <document start>": {reason: `line 3: YAML syntax error: did not find expected <document start> (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected <stream-start>":   {reason: `line 1: YAML syntax error: did not find expected <stream-start> (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected key":              {reason: `line 3: YAML syntax error: did not find expected key (a canned library is a YAML list of replies, or groups of them)`},
	"did not find expected node content":     {reason: `line 3: YAML syntax error: did not find expected node content (a canned library is a YAML list of replies, or groups of them)`},
	"found duplicate %%TAG directive":        {reason: `line 2: YAML syntax error: found duplicate %TAG directive (a canned library is a YAML list of replies, or groups of them)`},
	"found duplicate %%YAML directive":       {reason: `line 2: YAML syntax error: found duplicate %YAML directive (a canned library is a YAML list of replies, or groups of them)`},
	"found incompatible YAML document":       {reason: `line 1: YAML syntax error: found incompatible YAML document (a canned library is a YAML list of replies, or groups of them)`},
	"found undefined tag handle":             {reason: `line 2: YAML syntax error: found undefined tag handle (a canned library is a YAML list of replies, or groups of them)`},
	"line %d: the document is one text, not a list of replies (a library of one reply per line? name it .txt)": {},
	"binary data (!!binary)":                                     {reason: `the reply is binary data (!!binary), not text (quote it to lint it as a reply)`},
	"the reply is %s, not text (quote it to lint it as a reply)": {args: []any{"a date"}},

	// JDDC
	"expected %d TAB-separated fields (session, customer, sender flag, 2 flags, SKU, text), got %d": {},
	"empty session id": {},
	"sender flag and the two flags must be 0 or 1, got %q, %q, %q": {args: []any{"2", "0", "0"}},

	// chat dumps (txt)
	"txt dumps need --agents PATTERN (or input.agents in .chatlint.yaml) to tell agents from customers, e.g. --agents '店铺名:*'":                                                 {},
	"no message header (NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME) in the first %d lines: not a chat dump? (a canned-reply list reads with --input-format canned)": {},
	"no message header (NAME YYYY-MM-DD HH:MM:SS, or YYYY-MM-DD HH:MM:SS NAME) in the file: not a chat dump? (a canned-reply list reads with --input-format canned)":           {},
	"text before the first message header (NAME YYYY-MM-DD HH:MM:SS)":                                                                                                          {},
	"no message in the file (no NAME YYYY-MM-DD HH:MM:SS header line)":                                                                                                         {},
	"text outside a message (no header line before it)":                                                                                                                        {},
	"no message has a text: %s read as message headers (a time and a name), with nothing said under any, as a log's lines are: not a chat dump?":                               {args: []any{"3 lines"}},
	"the first %d messages have no text: lines read as message headers (a time and a name), with nothing said under any, as a log's lines are: not a chat dump?":               {},

	// 企业微信 archives
	"not a 企业微信 archive record: %s": {args: []any{"expected a JSON object"}},
	"field %q: expected %s, got %s": {args: []any{"from", "a string", "a number"}},
	"expected a JSON object":        {reason: `not a 企业微信 archive record: expected a JSON object`},
	"encrypted archive record: decrypt it with the 企业微信 Finance SDK (DecryptData) first":                                                                        {keep: []string{"DecryptData"}},
	"a GetChatData response, whose chatdata records are encrypted: decrypt each with the 企业微信 Finance SDK (DecryptData) first, and save the records one a line": {keep: []string{"GetChatData", "DecryptData"}},
	"unknown action %q (send, recall, switch)":                                               {args: []any{"edit"}},
	"\"msgtime\" %s: expected epoch milliseconds":                                            {args: []any{`"soon"`}},
	"msgtype %s without its %q content":                                                      {args: []any{"text", "text"}},
	"sender %q is neither a configured staff id (--staff) nor an external contact (wm…/wo…)": {args: []any{"lisi"}},

	// files
	"no such file or directory":                {},
	"directory holds no transcript files (%s)": {args: []any{"*.jsonl, *.json, *.csv"}, keep: []string{"*.jsonl, *.json, *.csv"}},
	"directory holds no reply files (%s)":      {args: []any{".txt, .yaml, .csv"}, keep: []string{".txt, .yaml, .csv"}},
	"directory holds no transcript files (%s) but reports or baselines chatlint wrote (%d)":        {args: []any{".csv, .json", 2}, keep: []string{".csv, .json"}},
	"%w that are not excluded: %s excluded (--exclude, exclude: in .chatlint.yaml)":                {args: []any{errors.New("directory holds no reply files (.txt, .yaml, .csv)"), "3 files and 1 directory"}, keep: []string{".txt, .yaml, .csv", "3", "1"}},
	"binary file (NUL byte at byte %d of the decoded text), not a text transcript":                 {},
	"binary file (%s), not a text transcript":                                                      {args: []any{"a PDF document"}},
	"binary file (NUL byte at byte %d), not a text transcript":                                     {},
	"a ZIP archive or an Excel .xlsx workbook: read a workbook with --input-format xlsx (or auto)": {reason: `binary file (a ZIP archive or an Excel .xlsx workbook: read a workbook with --input-format xlsx (or auto)), not a text transcript`},
	"an Excel 97–2003 .xls workbook: save it as .xlsx (Excel Workbook) or export it as CSV":        {reason: `binary file (an Excel 97–2003 .xls workbook: save it as .xlsx (Excel Workbook) or export it as CSV), not a text transcript`},
	"a password-protected (encrypted) Office file, such as an .xlsx workbook saved with a password: open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password; 文件 › 信息 › 保护工作簿 › 用密码进行加密) and save it again": {
		reason: `not an Excel .xlsx workbook: a password-protected (encrypted) Office file, such as an .xlsx workbook saved with a password: open it in Excel or WPS, remove the password (File › Info › Protect Workbook › Encrypt with Password; 文件 › 信息 › 保护工作簿 › 用密码进行加密) and save it again`},
	"a Word .doc document": {reason: `binary file (a Word .doc document), not a text transcript`},
	"an Office 97–2003 file (.xls, .doc), or an Office file saved with a password: save a workbook as .xlsx without a password, or export it as CSV": {
		reason: `binary file (an Office 97–2003 file (.xls, .doc), or an Office file saved with a password: save a workbook as .xlsx without a password, or export it as CSV), not a text transcript`},
	"not an Excel .xlsx workbook: %s": {args: []any{"an Excel 97–2003 .xls workbook: save it as .xlsx (Excel Workbook) or export it as CSV"}},
	"not an Excel .xlsx workbook: it does not start as a ZIP archive does (it starts %s)":                                                                                                      {args: []any{`"会话ID,内容\n"`}},
	"the workbook is over %s, more than chatlint reads from standard input or a compressed file: give the .xlsx file itself (unzipped in place), or save its sheets as CSV (read as a stream)": {args: []any{"1 GiB"}},
	"gzip-compressed: decompress it first": {reason: `binary file (gzip-compressed: decompress it first), not a text transcript`},
	"a PDF document":                       {reason: `binary file (a PDF document), not a text transcript`},
	"a PNG image":                          {reason: `binary file (a PNG image), not a text transcript`},
	"a JPEG image":                         {reason: `binary file (a JPEG image), not a text transcript`},
	"a GIF image":                          {reason: `binary file (a GIF image), not a text transcript`},
	"an SQLite database":                   {reason: `binary file (an SQLite database), not a text transcript`},
	"cannot detect the input format":       {reason: `cannot detect the input format: it starts with "hello" (use --input-format: jsonl, json, csv)`},
	"%w: %s (use --input-format: %s)":      {reason: `cannot detect the input format: it starts with "hello" (use --input-format: jsonl, json, csv)`},
	"it starts with \"%s\"":                {reason: `cannot detect the input format: it starts with "hello ⏎ there…" (use --input-format: jsonl, json, csv)`, keep: []string{"hello ⏎ there…"}},
	"it looks like binary data (%s)":       {reason: `cannot detect the input format: it looks like binary data (1.5 KiB) (use --input-format: jsonl, json, csv)`},
	"it looks like binary data":            {reason: `cannot detect the input format: it looks like binary data (use --input-format: jsonl, json, csv)`},
	"empty input: cannot detect its format (use --input-format)": {},

	// skipped records, said by skipRecordWhy
	"blank reply":               {say: skipRecordWhy},
	"NULL: no reply":            {say: skipRecordWhy},
	"recalled message":          {say: skipRecordWhy},
	"log-in switch record":      {say: skipRecordWhy},
	"revoke notice":             {say: skipRecordWhy},
	"archiving consent record":  {say: skipRecordWhy},
	"status line %s":            {args: []any{"对方已撤回一条消息"}, say: skipRecordWhy},
	"type %q (--types %s=skip)": {args: []any{"EVENT", "EVENT"}, say: skipRecordWhy},
	"type %q (--types *=skip)":  {args: []any{"EVENT"}, say: skipRecordWhy},

	// a conversation's notes, said by noteText
	"messages without times: timing rules skipped": {say: noteText},
	"times written to the minute: timing rules found only the waits the minutes prove; those they cannot tell are skipped":               {say: noteText},
	"linted before the input ended (memory budget); messages of this conversation that come later, if any, are linted as a further part": {say: noteText},
	"continues a part linted earlier (the conversation's messages were far apart in the input, or too many to lint at once)":             {say: noteText},
}

// notReasons are the strings of English words in reasonSources that are
// no reason the text and HTML reports show, and why.
var notReasons = map[string]string{
	// what the JSON reader looks for in its errors (isJSONSyntaxError)
	": invalid JSON: ":                           "a part of a reason the JSON reader looks for",
	": unexpected end of JSON (truncated file?)": "a part of a reason the JSON reader looks for",
	// encoding/json's words, matched to find where its error is
	"unexpected end of JSON": "a prefix of encoding/json's error, matched",
	// what the JSONL readers look for in a reason (cutJSONLReason)
	"invalid JSON: ": "a prefix of a reason the JSONL readers look for",
	// the JSON parser's signal of a value over the bound, which it read past
	"over the bound": "an error the parser's callers take, never shown",
	// the xlsx reader's
	"xl/worksheets/sheet%d.xml": "the part name of a worksheet",
	": name it ":                "where the xlsx reader cuts the hint off a header error",
	// the --map, --messages, --roles, --types, --default, --time-layout,
	// --delimiter, --encoding and --input-format flags are checked before any
	// file is read: a bad one is a usage error, on stderr, in English
	"mapping: unknown field %q (fields: %s)":    "a usage error",
	"mapping: field %s maps to nothing":         "a usage error",
	"mapping: messages path: %w":                "a usage error",
	"mapping: messages paths %q: an empty path": "a usage error",
	"mapping: messages paths %q: either all of them start with [] (the elements of a top-level array) or none does": "a usage error",
	"mapping: role value %q maps to %q: roles are customer, agent, bot, system":                                     "a usage error",
	"mapping: role value %q is given twice (as values differing only in case or blanks), mapped to %s and %s":       "a usage error",
	"mapping: type value %q maps to an empty type":                                                                  "a usage error",
	"mapping: type value %q is given twice (as values differing only in case or blanks), mapped to %q and %q":       "a usage error",
	"mapping: no default for %q (defaults: conversation, role, sender, type)":                                       "a usage error",
	"mapping: default role %q: roles are customer, agent, bot, system":                                              "a usage error",
	"%q: expected KEY=VALUE":                                                   "a usage error",
	"%s is given twice: %s=%s and %s=%s":                                       "a usage error",
	"mapping: messages paths %q: %s is given twice":                            "a usage error",
	"delimiter %q: give one character (or tab, comma, semicolon, pipe, space)": "a usage error",
	"time layout %q has no date or time in it: write it as Go (2006-01-02 15:04:05) or strftime (%%Y-%%m-%%d %%H:%%M:%%S)": "a usage error",
	"time layout %q ends with a lone %%":         "a usage error",
	"time layout %q: unsupported directive %%%c": "a usage error",
	"time layout %q has no date: times of day alone cannot order a conversation that crosses midnight (23:59:50 and then 00:00:10 would be read as nearly a day apart, in the wrong order); %s": "a usage error",
	"time layout %q has no %s: the date of a time cannot be read without it; %s":                                                                                                                "a usage error",
	"time layout %q has no year: every time would fall in year 0, and a conversation that crosses New Year would run backwards; %s":                                                             "a usage error",
	"time layout %q has no time of day (hours and minutes): every reply would seem to come at once, so the timing rules (slow-reply, hold …) could never fire; give the layout of a field that holds the time as well, e.g. '2006-01-02 15:04:05', or map no time field, and the timing rules are skipped and counted":                                       "a usage error",
	"give the layout of a time field that holds the date as well, e.g. '2006-01-02 15:04:05' (strftime '%%Y-%%m-%%d %%H:%%M:%%S'), or epoch times (unix, unixms); when the export keeps the date in a field of its own, join the two into one first (a csv or a workbook with the dates in a column named 日期 or date does so itself, without --time-layout)": "a usage error",
	"unknown encoding %q (auto, %s)":          "a usage error (CheckEncoding)",
	"encoding %q is not supported (auto, %s)": "a usage error (CheckEncoding)",
	"unknown input format %q (auto, %s)":      "a usage error",
	// stderr and errors of the program
	"%s: the file mixes encodings: it is %s, but %s %s (the first: line %d); each line was read in its own encoding (--encoding reads the whole file in one)": "a warning on stderr",
	"1 line is":                            "part of the warning on stderr",
	"a sheet of chats was not read: %s":    "a warning on stderr",
	"%d sheets of chats were not read: %s": "a warning on stderr",
	"%q (hidden: unhide it to read it)":    "part of the warning on stderr",
	"%q (its header row names no %s column, as the first chat sheet's does: a summary beside the chats?)":                                                                                                 "part of the warning on stderr",
	"%s%s of the text column hold%s a formula but no value (the first: %s), read as empty: the program that wrote the workbook did not calculate its formulas; open it in Excel or WPS and save it again": "a warning on stderr",
	"sheet %q: ":       "part of the warning on stderr",
	"%d lines are":     "part of the warning on stderr",
	"write report: %w": "a run that fails, on stderr",
	"reading back malformed record %d of %d: %w": "a run that fails, on stderr",
	"corrupt encoding":                           "a run that fails, on stderr",
	"malformed record (--strict)":                "the run --strict stops, on stderr",
	"keyTable: %s collides":                      "a panic: a bug",
	"transcript: no mapping part %s":             "a panic: a bug",
	// what the files were read as, in the warning on stderr about a
	// mapping flag no file's format takes (FormatsRead.Untaken)
	"%s was read as %s":         "part of the warning on stderr",
	"%s and %s were read as %s": "part of the warning on stderr",
	"other file":                "part of the warning on stderr",
	"role(%d)":                  "the name of a role that is none (a bug)",
	"severity(%d)":              "the name of a severity that is none (a bug)",
	// no text
	"SQLite format 3\x00":                "the bytes an SQLite database starts with",
	"^unknown anchor '(.*)' referenced$": "a pattern",

	// encodings' warnings on stderr, and the CESU-8 decoder's error
	"%s: %s characters past U+FFFF (emoji such as 😀) as surrogate pairs, CESU-8 as Java's modified UTF-8 and MySQL's utf8mb3 write them, not UTF-8 (the first: line %d); each pair was read as its character": "a warning on stderr",
	"1 line writes":  "part of the warning on stderr",
	"%d lines write": "part of the warning on stderr",
	"the file ends inside a character, cut off (an interrupted download or copy?): the last line, %d, ends in U+FFFD (\uFFFD) where its last character was cut; what followed is missing": "a warning on stderr",
	"neither UTF-8 nor a surrogate pair": "an error the recoders take, never shown",
	"no gzip member":                     "an error the gzip reader takes, never shown (tryMember)",
	"decompression OK, trailing garbage ignored, as gzip ignores it: the byte after the gzip-compressed data (the file's first %d bytes) is no gzip data (written to the file after it was compressed?); the compressed data was read whole":                                           "a warning on stderr",
	"decompression OK, trailing garbage ignored, as gzip ignores it: more than %s after the gzip-compressed data (the file's first %d bytes) are no gzip data (written to the file after it was compressed?), and the file was not read past them; the compressed data was read whole": "a warning on stderr",
	"decompression OK, trailing zero bytes ignored: more than %s of zero bytes follow the gzip-compressed data (the file's first %d bytes), more than padding to a block, and the file was not read past them; the compressed data was read whole":                                     "a warning on stderr",
	"decompression OK, trailing garbage ignored, as gzip ignores it: %d bytes after the gzip-compressed data (the file's first %d bytes) are no gzip data (written to the file after it was compressed?); the compressed data was read whole":                                          "a warning on stderr",
	"%s: %s bytes of Windows-1252 punctuation (“ ” ‘ ’ – — … €: 80–9F) among UTF-8 text, as a tool that pasted from Word or an old Windows code page leaves them (the first: line %d); each was read as its character":                                                                 "a warning on stderr",
	"1 line holds":                        "part of the warning on stderr",
	"%d lines hold":                       "part of the warning on stderr",
	"UTF-8 with Windows-1252 punctuation": "the name of an encoding no warning names (see mixedStats.note)",
	"%s: the file mixes encodings: it was read as UTF-8, its first 64 KB being ASCII, but %s %s (the first: line %d); each line was read in its own encoding: if the file is %[3]s throughout, --encoding %[5]s reads it so (a line of it may be UTF-8 too: GBK's 哦哦 is ŷŷ)": "a warning on stderr",

	// a walk's links not followed (walker.unfollowedWarning)
	"a symbolic link in it was not followed, as a walk follows none, and what it leads to was not read: %s; name it to lint it, or give --follow":         "a warning on stderr",
	"%d symbolic links in it were not followed, as a walk follows none, and what they lead to was not read: %s; name them to lint them, or give --follow": "a warning on stderr",
	" and %d more":  "part of the warning on stderr",
	"leads nowhere": "part of the warning on stderr",
	// a walk's links skipped, as they cannot be followed
	// (walker.brokenWarning)
	"a symbolic link in it was skipped, as it cannot be followed: %s; mend it, or remove it":          "a warning on stderr",
	"%d symbolic links in it were skipped, as they cannot be followed: %s; mend them, or remove them": "a warning on stderr",
	"a loop that leads nowhere": "part of the warning on stderr",

	// a walk's files left out (ReadAll's ownList, otherWarnings)
	"written by chatlint": "an error ReadAll takes, never shown",
	"left out %s":         "a warning on stderr",
	"1 file chatlint wrote (a report or baseline, not a transcript): %s":  "part of the warning on stderr",
	"%d files chatlint wrote (reports or baselines, not transcripts): %s": "part of the warning on stderr",
	"%s left out, ": "part of the warning on stderr",
	"%s %s not UTF-8 but %s, as %s writes names: shown decoded, %s %s":                                                                              "a warning on stderr",
	"(%s shows their new names, and with --notest renames them%s)":                                                                                  "part of the warning on stderr",
	"the new name of the other alone, and with --notest renames it":                                                                                 "part of the warning on stderr",
	"the new names of the others alone, and with --notest renames them":                                                                             "part of the warning on stderr",
	"%s; move %s out of %s first, then it shows the new names of the others, and with --notest renames them%s)":                                     "part of the warning on stderr",
	"its name is not UTF-8 but %s, as %s writes names: shown decoded (convmv -f %s -t utf-8 %s shows its new name, and with --notest renames it%s)": "a warning on stderr",
	"a zip made on Chinese Windows":             "part of that warning",
	"a zip made on Traditional Chinese Windows": "part of that warning",
	"file name": "a word of that warning",
	"%s (--exclude leaves such files out without a word)":                                                      "part of the warning on stderr",
	"a workbook chatlint cannot read (only .xlsx and .xlsm): %s; save it as .xlsx or CSV to lint it":           "part of the warning on stderr",
	"workbooks chatlint cannot read (only .xlsx and .xlsm): %s; save them as .xlsx or CSV to lint them":        "part of the warning on stderr",
	"an archive: %s; unpack it to lint what it holds (a file compressed alone with gzip, .jsonl.gz, is read)":  "part of the warning on stderr",
	"archives: %s; unpack them to lint what they hold (a file compressed alone with gzip, .jsonl.gz, is read)": "part of the warning on stderr",
	"compressed other than with gzip: %s; decompress it, or compress it with gzip, to lint it":                 "part of the warning on stderr",
	"compressed other than with gzip: %s; decompress them, or compress them with gzip, to lint them":           "part of the warning on stderr",
	"a document chatlint cannot read: %s; save its chats as .txt or CSV to lint them":                          "part of the warning on stderr",
	"documents chatlint cannot read: %s; save their chats as .txt or CSV to lint them":                         "part of the warning on stderr",
	"by its name a copy of an export: %s; rename it to lint it":                                                "part of the warning on stderr",
	"by their names copies of exports: %s; rename them to lint them":                                           "part of the warning on stderr",
	"by its name a download or copy not finished: %s; lint it once it is complete":                             "part of the warning on stderr",
	"by their names downloads or copies not finished: %s; lint them once they are complete":                    "part of the warning on stderr",

	// the texts of a mapped export that hold HTML, without --html (htmlSample)
	"its texts hold HTML (tags such as <p> and <br>, &nbsp;: the first at line %d), read as it is: a phrase a tag splits (不<b>知</b>道) is unseen by the rules, and the reports show the markup; --html reads the text out of it": "a warning on stderr",
}

// TestEveryReasonSaidInChinese: every reason the readers and the engine
// can give for a malformed record, an unreadable file or a skipped record
// is said in Chinese by the text and HTML reports, the export's values
// and the flags it names kept as they are. The reasons are found in the
// sources: the format of every fmt.Errorf, fmt.Sprintf and errors.New,
// and every other string of English words (a reason built from parts, a
// hint). Each must be in reasonSamples, whose reason made from it must
// leave no English words, or in notReasons: a new reason without Chinese
// fails, and so does an entry for a string no longer in the sources.
func TestEveryReasonSaidInChinese(t *testing.T) {
	found := reasonStrings(t)
	for s, pos := range found {
		sample, ok := reasonSamples[s]
		if !ok {
			if _, ok := notReasons[s]; !ok {
				t.Errorf("%s: %q: a reason? add it to reasonSamples (with its Chinese in reasonKinds) or to notReasons", pos, s)
			}
			continue
		}
		reason := sample.reason
		if reason == "" {
			reason = fmt.Errorf(s, sampleArgs(s, sample.args)...).Error()
		}
		say := reasonText
		if sample.say != nil {
			say = sample.say
		}
		zh := say(reason)
		if testing.Verbose() {
			t.Logf("%s\n  %s\n  %s", pos, reason, zh)
		}
		if left := englishLeft(zh, sample.keep); left != "" {
			t.Errorf("%s: %q\n  the reason %q\n  is said %q: English left (%q)", pos, s, reason, zh, left)
		} else if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the reason %q is said %q, not in Chinese", pos, reason, zh)
		}
		// the values, numbers and flags as they are (a quoted excerpt of a
		// file may be said between 「」 instead)
		kept := slices.Concat(sample.keep, keptValue.FindAllString(reason, -1))
		for _, v := range kept {
			if inner, ok := strings.CutPrefix(v, `"`); ok && strings.Contains(zh, "「"+strings.TrimSuffix(inner, `"`)+"」") {
				continue
			}
			if !strings.Contains(zh, v) {
				t.Errorf("%s: the reason %q is said %q: %s in it is not kept", pos, reason, zh, v)
			}
		}
	}
	for _, table := range []map[string]bool{keys(reasonSamples), keys(notReasons)} {
		for s := range table {
			if _, ok := found[s]; !ok {
				t.Errorf("%q is in no source any more: drop its entry", s)
			}
		}
	}
	if len(found) < 150 {
		t.Errorf("%d strings found in %v: are the sources still there?", len(found), reasonSources)
	}
}

// keys is the set of m's keys.
func keys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

var (
	// a verb of a format
	formatVerb = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)
	// a word, and two in a row
	englishWord  = regexp.MustCompile(`[A-Za-z]{2,}`)
	englishWords = regexp.MustCompile(`[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,})+`)
	// what a Chinese reason keeps of the English: quoted values, flags
	// with their values, names
	quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|「[^」]*」`)
	flagValue   = regexp.MustCompile(`--[a-z][a-z-]*(?:=\S*)?(?: [a-zA-Z0-9_./*:=,\[\]]+)?`)
	// what a Chinese reason must keep: values in double quotes, flags with
	// the value after their =, numbers
	keptValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|--[a-z][a-z-]*(?:=[^\s()]*)?|\d+`)
	technical = []string{"YYYY-MM-DD HH:MM:SS", "yyyy-mm-dd hh:mm:ss", "Finance SDK", "RFC 3339"}
)

// englishLeft returns the first English words left in a reason said in
// Chinese, its values (keep), quoted values, flags and names aside.
func englishLeft(zh string, keep []string) string {
	for _, k := range slices.Concat(keep, technical) {
		zh = strings.ReplaceAll(zh, k, " ")
	}
	zh = quotedValue.ReplaceAllString(zh, " ")
	zh = flagValue.ReplaceAllString(zh, " ")
	return englishWords.FindString(zh)
}

// sampleArgs are args, or, when there are none, a value for each verb of
// format: 7 for a number, "x" for a string (quoted or not), and for an
// error a reason of its own.
func sampleArgs(format string, args []any) []any {
	if args != nil {
		return args
	}
	for _, v := range formatVerb.FindAllString(format, -1) {
		switch v[len(v)-1] {
		case '%':
		case 'd', 'x', 'X', 'U':
			args = append(args, 7)
		case 'c':
			args = append(args, 'x')
		case 'f', 'g':
			args = append(args, 7.0)
		case 'w':
			args = append(args, errors.New("empty file: no records"))
		default:
			args = append(args, "x")
		}
	}
	return args
}

// reasonStrings finds the strings reasons are made of in reasonSources
// (their files but tests): the format of each call of fmt.Errorf,
// fmt.Sprintf and errors.New that holds an English word, and each other
// string of two English words in a row or more, a sum of strings written
// as a format (a part that is not a string as %s). It returns where each
// is first found.
func reasonStrings(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	found := map[string]string{}
	add := func(s string, at token.Pos) {
		if _, ok := found[s]; !ok {
			found[s] = strings.TrimPrefix(fset.Position(at).String(), "../")
		}
	}
	for _, dir := range reasonSources {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ImportSpec:
					return false
				case *ast.Field:
					n.Tag = nil // a struct tag is no text
				case *ast.CallExpr:
					if !formatCall(n) {
						return true
					}
					if s, ok := stringSum(n.Args[0], true); ok {
						if englishWord.MatchString(formatVerb.ReplaceAllString(s, "")) {
							add(s, n.Pos())
						}
						// the format is read; its arguments may hold more
						for _, a := range n.Args[1:] {
							ast.Walk(visitor(func(m ast.Node) bool { return inspectString(m, add) }), a)
						}
						return false
					}
				}
				return inspectString(n, add)
			})
		}
	}
	return found
}

// visitor is an ast.Visitor from a function of ast.Inspect.
type visitor func(ast.Node) bool

func (v visitor) Visit(n ast.Node) ast.Visitor {
	if n == nil || !v(n) {
		return nil
	}
	return v
}

// inspectString adds the string of English words an expression is, a sum
// of strings as a format; it reports whether to look inside n.
func inspectString(n ast.Node, add func(string, token.Pos)) bool {
	e, ok := n.(ast.Expr)
	if !ok {
		return true
	}
	switch e.(type) {
	case *ast.BasicLit, *ast.BinaryExpr:
	default:
		return true
	}
	s, ok := stringSum(e, false)
	if !ok {
		return true
	}
	if englishWords.MatchString(formatVerb.ReplaceAllString(s, "")) {
		add(s, e.Pos())
	}
	return false
}

// formatCall reports whether c calls fmt.Errorf, fmt.Sprintf or errors.New.
func formatCall(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) == 0 {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && (pkg.Name == "fmt" && slices.Contains([]string{"Errorf", "Sprintf"}, sel.Sel.Name) ||
		pkg.Name == "errors" && sel.Sel.Name == "New")
}

// stringSum is the string e is (a string literal, or a sum of them). A
// format is as it is; otherwise a % is written %% and, in a sum with
// other parts, each other part is %s. ok is false when e holds no string
// literal.
func stringSum(e ast.Expr, format bool) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		if err != nil {
			return "", false
		}
		if !format {
			s = strings.ReplaceAll(s, "%", "%%")
		}
		return s, true
	case *ast.ParenExpr:
		return stringSum(e.X, format)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, okA := stringSum(e.X, format)
		b, okB := stringSum(e.Y, format)
		switch {
		case okA && okB:
			return a + b, true
		case format || !okA && !okB:
			return "", false
		case !okA:
			return "%s" + b, true
		default:
			return a + "%s", true
		}
	}
	return "", false
}
