package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf16"
)

// reasonCase is an input that makes the readers reject a record, or give
// up on a file, for one kind of reason.
type reasonCase struct {
	name  string
	file  string            // the path linted, in a new directory
	data  string            // its content (a directory: see files)
	files map[string]string // files to write (file among them, or not, as data)
	args  []string          // flags
	en    string            // what the English reason (json report) holds
	keep  []string          // values of the export the Chinese reason keeps as they are
}

// far is blank lines past the start a file's format and encoding are told
// by: a record after it is read as a record.
var far = strings.Repeat("\n", 70000)

const rec = `{"conversation":"c1","time":"2026-11-04 10:00:00","role":"agent","text":"您好"}` + "\n"

// reasonCases make each frequent kind of reason through the real readers:
// a kind a reader gives that the text and HTML reports cannot say in
// Chinese fails TestReasonsInChinese.
var reasonCases = []reasonCase{
	// canonical JSONL records
	{name: "missing text", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"2026-11-04 10:00:01","role":"agent"}`, en: `missing "text"`, keep: []string{`"text"`, "conversation, time, role"}},
	{name: "missing role", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"2026-11-04 10:00:01","text":"你好"}`, en: `missing "role"`},
	{name: "unknown role", file: "a.jsonl", data: rec + `{"conversation":"c1","role":"boss","text":"你好"}`, en: `unknown role "boss" (map it`, keep: []string{`"boss"`, `'boss=agent'`}},
	{name: "unknown role with quotes", file: "a.jsonl", data: rec + `{"conversation":"c1","role":"say \"hi\" (it's me","text":"你好"}`, en: `unknown role "say \"hi\" (it's me" (map it`, keep: []string{`"say \"hi\" (it's me"`, `'say "hi" (it'\''s me=agent'`}},
	{name: "unparseable time", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"yesterday","role":"agent","text":"你好"}`, en: `unparseable time "yesterday" (use RFC 3339`, keep: []string{`"yesterday"`}},
	{name: "time of day", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"10:00:05","role":"agent","text":"你好"}`, en: `(a time of day without a date`, keep: []string{`"10:00:05"`}},
	{name: "excel serial", file: "a.jsonl", data: rec + `{"conversation":"c1","time":46330,"role":"agent","text":"你好"}`, en: `unparseable time 46330 (no epoch time: an Excel`, keep: []string{"46330", "yyyy-mm-dd hh:mm:ss"}},
	{name: "epoch before 1973", file: "a.jsonl", data: rec + `{"conversation":"c1","time":5000,"role":"agent","text":"你好"}`, en: `(epoch seconds before 1973`, keep: []string{"5000"}},
	{name: "epoch out of range", file: "a.jsonl", data: rec + `{"conversation":"c1","time":1e15,"role":"agent","text":"你好"}`, en: `(epoch out of range)`},
	{name: "milliseconds after 2286", file: "a.jsonl", data: rec + `{"conversation":"c1","time":20261104100000,"role":"agent","text":"你好"}`, en: `milliseconds would be after the year 2286`, keep: []string{"20261104100000"}},
	{name: "chinese date without a year", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"11月4日 10:02","role":"agent","text":"你好"}`, en: `(a date without a year`, keep: []string{`"11月4日 10:02"`, "2026年11月4日 10:02"}},
	{name: "chinese date without a time", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"2026年11月4日","role":"agent","text":"你好"}`, en: `(a date without the time of day`, keep: []string{`"2026年11月4日"`}},
	{name: "chinese date that does not exist", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"2026年2月30日 10:02","role":"agent","text":"你好"}`, en: `(no such date or time of day?`, keep: []string{`"2026年2月30日 10:02"`, "2026年11月4号 10:02", "2026年11月4日 下午3:05"}},
	{name: "zone abbreviation", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"2026年11月4日 10:02 CST","role":"agent","text":"你好"}`, en: `(the zone CST is an abbreviation`, keep: []string{`"2026年11月4日 10:02 CST"`, "CST", "+08:00", "-06:00"}},
	{name: "zones that disagree", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"北京时间 2026年11月4日 10:02 UTC","role":"agent","text":"你好"}`, en: `(zones that disagree: +08:00 and +00:00)`, keep: []string{`"北京时间 2026年11月4日 10:02 UTC"`, "+08:00", "+00:00"}},
	{name: "year of two digits", file: "a.jsonl", data: rec + `{"conversation":"c1","time":"26年11月4日 10:02","role":"agent","text":"你好"}`, en: `(a year of 2 digits`, keep: []string{`"26年11月4日 10:02"`, "2026年11月4日 10:02"}},
	{name: "negative epoch", file: "a.jsonl", data: rec + `{"conversation":"c1","time":-5,"role":"agent","text":"你好"}`, en: `unparseable time "-5"`, keep: []string{`"-5"`}},
	{name: "field an object", file: "a.jsonl", data: rec + `{"conversation":"c1","role":"agent","text":{"a":1}}`, en: `"text": expected a string or a number, got an object`},
	{name: "not an object", file: "a.jsonl", data: rec + `[1,2]`, en: `expected a JSON object with the message fields`},
	{name: "json syntax", file: "a.jsonl", data: rec + `{"conversation":"c1", bad}`, en: `invalid JSON: invalid character 'b' looking for beginning of object key string (column 23)`, keep: []string{`'b'`}},
	{name: "json ideographic space", file: "a.jsonl", data: rec + "{\"conversation\":\"c1\",\u3000\"text\":\"x\"}", en: `invalid JSON: invalid character U+3000`, keep: []string{"U+3000"}},
	{name: "json full-width comma", file: "a.jsonl", data: rec + `{"text":"x"，"role":"agent"}`, en: `(U+FF0C) after object key:value pair`, keep: []string{`'，'`}},
	{name: "json truncated", file: "a.jsonl", data: rec + `{"text":"x"` + "\n" + rec, en: `invalid JSON: unexpected end of JSON input`},
	{name: "json cut off", file: "a.jsonl", data: rec + `{"text":"x"`, en: `column 12: unexpected end of JSON (truncated file?)`},
	{name: "json literal", file: "a.jsonl", data: rec + `{"text":"x","role":tru}`, en: `in literal true (expecting 'e')`},
	{name: "NUL byte", file: "a.jsonl", data: rec + far + "{\"text\":\"a\x00b\",\"role\":\"agent\"}\n", en: `NUL byte in the record`},
	{name: "invalid UTF-8", file: "a.jsonl", data: rec + "{\"text\":\"\xff\xfe\xfd\",\"role\":\"agent\"}\n", en: `in the record`},
	{name: "wrong encoding", file: "a.jsonl", data: rec + "{\"text\":\"\x81\x20\",\"role\":\"agent\"}\n", args: []string{"--encoding", "gbk"}, en: `bytes in the record that gbk cannot read (wrong --encoding?)`},
	{name: "line too long", file: "a.jsonl", data: rec + `{"conversation":"c1","role":"agent","text":"` + strings.Repeat("长", 40) + `"}`, args: []string{"--max-message-size", "32B"}, en: `line is 166 B long, over the 128 B a record may take (4 × --max-message-size); not read`, keep: []string{"166 B", "128 B"}},
	{name: "message too long", file: "a.jsonl", data: rec + `{"conversation":"c1","role":"agent","text":"` + strings.Repeat("长", 15) + `"}`, args: []string{"--max-message-size", "32B"}, en: `message text is 45 B, over the 32 B a message may take (--max-message-size); not linted`, keep: []string{"45 B", "32 B"}},
	{name: "duplicate id", file: "a.jsonl", data: `{"conversation":"c1","id":"m1","role":"agent","text":"您好"}` + "\n" + `{"conversation":"c1","id":"m1","role":"agent","text":"您好"}`, en: `duplicate message id "m1" in conversation "c1" (first at a.jsonl:1)`, keep: []string{`"m1"`, `"c1"`, "a.jsonl:1"}},
	{name: "no conversation id", file: "a.jsonl", data: rec + `{"role":"agent","text":"您好"}`, en: `no conversation id, though earlier records of this file have one`},

	// mapped fields (csv, json)
	{name: "no role for sender", file: "a.csv", data: "time,sender,text\n2026-11-04 10:00:00,小王,你好\n", en: `no role for sender "小王" (map the role field`, keep: []string{`"小王"`}},
	{name: "no role and no sender", file: "a.csv", data: "time,text\n2026-11-04 10:00:00,你好\n", en: `no role and no sender (map the role field, or set a default role)`},
	{name: "unknown role mapped", file: "a.csv", data: "role,text\nboss,你好\n", args: []string{"--roles", "helper=agent"}, en: `; mapped: helper=agent`, keep: []string{`"boss"`, "helper=agent"}},
	{name: "time layout", file: "a.csv", data: "role,time,text\nagent,2026-11-04 10:00,你好\n", args: []string{"--time-layout", "%Y/%m/%d %H:%M"}, en: `time "2026-11-04 10:00" does not match the time layout "%Y/%m/%d %H:%M"`, keep: []string{`"2026-11-04 10:00"`, `"%Y/%m/%d %H:%M"`}},
	{name: "time layout digits", file: "a.csv", data: "role,time,text\nagent,2026-1-4 10:00,你好\n", args: []string{"--time-layout", "2006-01-02 15:04"}, en: `(in a Go layout, 01 and 02 take two digits`},
	{name: "epoch layout", file: "a.csv", data: "role,time,text\nagent,abc,你好\n", args: []string{"--time-layout", "unix"}, en: `time "abc" is not an epoch number (time layout unix)`, keep: []string{`"abc"`}},
	{name: "epoch layout range", file: "a.csv", data: "role,time,text\nagent,-5,你好\n", args: []string{"--time-layout", "unix"}, en: `time "-5" out of range (time layout unix)`},
	{name: "csv field count", file: "a.csv", data: "role,text\nagent,你好,多余\n", en: `record has 3 fields, the header has 2 (unbalanced quotes or a stray comma?)`},
	{name: "csv mapping needs", file: "a.csv", data: "agent,你好\n", args: []string{"--header=false", "--map", "role=1,text=5"}, en: `record has 2 fields, the mapping needs 5`},
	{name: "csv open quote", file: "a.csv", data: "role,text\nagent,你好\nagent,\"未完", en: `quoted field has no closing quote (truncated file?)`},
	{name: "csv text after quote", file: "a.csv", data: "role,text\nagent,\"你好\"啊\n", en: `text after the closing quote of field 2`},
	{name: "csv record too long", file: "a.csv", data: "role,text\nagent,\"" + strings.Repeat("长\n", 30) + "\"\n", args: []string{"--max-message-size", "16B"}, en: `record is over the 64 B a record may take (4 × --max-message-size) (the record runs from line 2 to line 32); not read`},
	{name: "json messages not a list", file: "a.json", data: `[{"id":"c1","messages":"x"}]`, en: `"messages": expected a list of messages, got a string`},
	{name: "json messages twice", file: "a.json", data: `[{"id":"c1","messages":[{"role":"agent","text":"你好"}],"messages":[]}]`, en: `the conversation holds "messages" twice`},
	{name: "json text and messages", file: "a.json", data: `[{"id":"c1","text":"你好","messages":[{"role":"agent","text":"你好"}]}]`, en: `and a "messages" list: is it a message or a conversation?`},
	{name: "json element not an object", file: "a.json", data: `[{"role":"agent","text":"你好"}, 42]`, en: `expected a message object, got a number`},
	{name: "json field an object", file: "a.json", data: `[{"role":"agent","text":{"a":1}}]`, en: `expected a string or a number, got an object`},
	{name: "json text hint", file: "a.json", data: `[{"role":"agent","content":"你好"}]`, en: `missing "text" (keys: role, content; try --map text=content)`, keep: []string{"role, content"}},
	{name: "json layout hint", file: "a.json", data: `[{"id":"w1","turns":[{"utterances":[{"sender":"helpdesk","text":"您好"},{"sender":"user","text":"在吗"}]}]}]`, en: `the messages may be at [].turns[].utterances[]`, keep: []string{"id, turns"}},
	{name: "json mapped no text", file: "a.json", data: `[{"role":"agent","content":"你好"}]`, args: []string{"--map", "text=body"}, en: `no text (body)`},
	{name: "json messages path", file: "a.json", data: `{"data":{"items":5}}`, args: []string{"--messages", "data.items[]"}, en: `expected a list (messages path "data.items[]"), got a number`, keep: []string{`"data.items[]"`}},
	{name: "json messages path key", file: "a.json", data: `{"data":[{"x":1}]}`, args: []string{"--messages", "data[].items[]"}, en: `no "items" here (messages path "data[].items[]")`},

	// 企业微信 archives
	{name: "wecom syntax", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","msgtime":1, bad}`, en: `invalid JSON: invalid character 'b' looking for beginning of object key string (column 27)`},
	{name: "wecom type", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":5,"msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}`, en: `not a 企业微信 archive record: field "from": expected a string, got a number`},
	{name: "wecom object", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":"在吗"}`, en: `not a 企业微信 archive record: field "text": expected an object, got a string`},
	{name: "wecom encrypted", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","msgtime":1762221600000,"encrypt_random_key":"k","encrypt_chat_msg":"x"}`, en: `encrypted archive record`},
	{name: "wecom action", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"edit","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}`, en: `unknown action "edit" (send, recall, switch)`, keep: []string{`"edit"`}},
	{name: "wecom no msgtype", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":"wmA","msgtime":1762221600000}`, en: `no "msgtype"`},
	{name: "wecom no from", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}`, en: `no "from"`},
	{name: "wecom msgtime", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":"wmA","msgtime":"soon","msgtype":"text","text":{"content":"在吗"}}`, en: `"msgtime" "soon": expected epoch milliseconds`, keep: []string{`"soon"`}},
	{name: "wecom no content", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text"}`, en: `msgtype text without its "text" content`},
	{name: "wecom staff", file: "w.jsonl", data: `{"msgid":"1","action":"send","from":"wmA","msgtime":1762221600000,"msgtype":"text","text":{"content":"在吗"}}` + "\n" + `{"msgid":"2","action":"send","from":"lisi","msgtime":1762221600000,"msgtype":"text","text":{"content":"您好"}}`, args: []string{"--staff", "zhangsan"}, en: `sender "lisi" is neither a configured staff id (--staff) nor an external contact`, keep: []string{`"lisi"`}},

	// JDDC
	{name: "jddc fields", file: "a.tsv", data: "s1\tu1\t0\t0\t0\tsku\t你好\ns1\tu1\t0\n", args: []string{"--input-format", "jddc"}, en: `expected 7 TAB-separated fields`},
	{name: "jddc session", file: "a.tsv", data: "s1\tu1\t0\t0\t0\tsku\t你好\n \tu1\t0\t0\t0\tsku\t你好\n", args: []string{"--input-format", "jddc"}, en: `empty session id`},
	{name: "jddc flags", file: "a.tsv", data: "s1\tu1\t0\t0\t0\tsku\t你好\ns1\tu1\t2\t0\t0\tsku\t你好\n", args: []string{"--input-format", "jddc"}, en: `sender flag and the two flags must be 0 or 1, got "2", "0", "0"`},

	// chat dumps
	{name: "txt preamble", file: "a.txt", data: "导出于今天\n小店:客服 2026-11-04 10:00:00\n您好\n", args: []string{"--agents", "小店:*"}, en: `text before the first message header`},
	{name: "txt header time", file: "a.txt", data: "小店:客服 2026-11-04 10:00:00\n您好\n顾客 2026-02-30 10:00:00\n在吗\n", args: []string{"--agents", "小店:*"}, en: `unparseable time "2026-02-30 10:00:00" in the header line (no such date or time)`, keep: []string{`"2026-02-30 10:00:00"`}},
	{name: "txt too long", file: "a.txt", data: "小店:客服 2026-11-04 10:00:00\n" + strings.Repeat("您好您好\n", 8), args: []string{"--agents", "小店:*", "--max-message-size", "16B"}, en: `message is 104 B long, over the 64 B a record may take`},

	// canned-reply libraries
	{name: "canned NUL", file: "r.txt", data: "您好\n" + far + "坏\x00了\n", args: []string{"--input-format", "canned"}, en: `NUL byte in the record`},
	{name: "canned csv fields", file: "r.csv", data: "话术,分类\n您好,问候,多余\n", args: []string{"--input-format", "canned"}, en: `record has 3 fields, the header has 2`},
	{name: "canned yaml number", file: "r.yaml", data: "- 您好\n- 42\n", args: []string{"--input-format", "canned"}, en: `the reply is a number, not text (quote it to lint it as a reply)`},
	{name: "canned yaml control", file: "r.yaml", data: "- 您好\n- 坏\x07了\n", args: []string{"--input-format", "canned"}, en: `control character U+0007 in the record`},

	// files that cannot be read
	{name: "no such file", file: "nosuch.jsonl", en: `no such file or directory`},
	{name: "empty directory", file: "d", files: map[string]string{"d/notes.md": "x"}, en: `directory holds no transcript files`},
	{name: "empty file", file: "a.jsonl", data: "\n", en: `empty file: no records`},
	{name: "csv header only", file: "a.csv", data: "role,text\n", en: `only a header row, no messages`},
	{name: "json empty array", file: "a.json", data: "[]\n", en: `no messages: its lists are empty`},
	{name: "csv no text column", file: "a.csv", data: "role,remark\nagent,你好\n", en: `no text column in the header (columns: "role", "remark")`, keep: []string{`"role", "remark"`}},
	{name: "csv semicolons", file: "a.csv", data: "role;text\nagent;你好\n", en: `the header row is separated by ';', not commas: use --delimiter ';'`},
	{name: "csv tabs", file: "a.csv", data: "role\ttext\nagent\t你好\n", en: `the header row is separated by TABs, not commas: use --input-format tsv (or --delimiter tab)`},
	{name: "csv numeric header", file: "a.csv", data: "1,2\n3,4\n", en: `no header row naming the columns (is the file comma-separated?`},
	{name: "csv headerless", file: "a.csv", data: "agent,你好\n", args: []string{"--header=false"}, en: `no header row (--header=false): map the text column, e.g. --map text=5`},
	{name: "csv headerless name", file: "a.csv", data: "agent,你好\n", args: []string{"--header=false", "--map", "text=body"}, en: `no header row (--header=false): map text to a column number, not "body"`, keep: []string{`"body"`}},
	{name: "csv column number", file: "a.csv", data: "role,text\nagent,你好\n", args: []string{"--map", "text=9"}, en: `text is mapped to column 9, the header has 2`},
	{name: "csv column name", file: "a.csv", data: "role,text\nagent,你好\n", args: []string{"--map", "text=body"}, en: `text is mapped to column "body", which the header does not have (columns: "role", "text")`, keep: []string{`"body"`}},
	{name: "pdf", file: "a.jsonl", data: "%PDF-1.4\n", en: `binary file (a PDF document), not a text transcript`},
	{name: "nul file", file: "a.jsonl", data: "abc\x00def\n", en: `binary file (NUL byte at byte 3), not a text transcript`},
	{name: "utf-16 without bom", file: "a.jsonl", data: utf16Text(rec + rec), en: `looks like UTF-16 without a byte-order mark: use --encoding utf-16le`},
	{name: "gzip", file: "a.jsonl.gz", data: "\x1f\x8bnot gzip", en: `gzip: `},
	{name: "undetected format", file: "a.dat", data: "hello there\nhow are you\n", en: `cannot detect the input format: it starts with "hello there ⏎ how are you" (use --input-format: `, keep: []string{"hello there ⏎ how are you"}},
	{name: "undetected binary", file: "a.dat", data: "\x01\x02\x03\x04\x05\x06\x07\x08", en: `cannot detect the input format: it looks like binary data (8 B) (use --input-format: `},
	{name: "json truncated file", file: "a.json", data: `{"messages": [{"role":"agent","text":"你好"}`, en: `unexpected end of JSON (truncated file?)`},
	{name: "json invalid file", file: "a.json", data: "{\"messages\": [\n  x]}", en: `line 2, column 3: invalid JSON: invalid character 'x' looking for beginning of value`},
	{name: "json scalar", file: "a.json", data: `42`, en: `expected a JSON array or object at the top, got 42`},
	{name: "json two lists", file: "a.json", data: `{"conversations":[],"messages":[]}`, en: `the object holds both a "conversations" list and a "messages" list`},
	{name: "json conversations twice", file: "a.json", data: `{"conversations":[],"conversations":[]}`, en: `the object holds "conversations" twice`},
	{name: "json too deep", file: "a.json", data: strings.Repeat("[", 2000) + strings.Repeat("]", 2000), en: `levels deep`},
	{name: "json array path", file: "a.json", data: `[{"role":"agent","text":"你好"}]`, args: []string{"--messages", "data[]"}, en: `the file holds an array, but the messages path "data[]" starts with a key`},
	{name: "json value too long", file: "a.json", data: `[{"role":"agent","text":"` + strings.Repeat("长", 40) + `"}]`, args: []string{"--max-message-size", "16B"}, en: `JSON value at column 25 is 120 B long, over the 64 B a record may take (4 × --max-message-size); not read`},
	{name: "txt agents", file: "a.txt", data: "小店:客服 2026-11-04 10:00:00\n您好\n", en: `txt dumps need --agents PATTERN`},
	{name: "txt no header", file: "a.txt", data: "你好\n在吗\n", args: []string{"--agents", "小店:*"}, en: `not a chat dump?`},
	{name: "yaml syntax", file: "r.yaml", data: "- 您好\n- [未完\n", args: []string{"--input-format", "canned"}, en: `YAML syntax error: `},
	{name: "yaml one text", file: "r.yaml", data: "您好\n", args: []string{"--input-format", "canned"}, en: `the document is one text, not a list of replies`},
	{name: "canned no reply column", file: "r.csv", data: "编号,分类\n1,问候\n", args: []string{"--input-format", "canned"}, en: `no reply column in the header`},
	{name: "not a workbook", file: "a.xlsx", data: "PK\x03\x04 not really", en: `the workbook is cut off: it starts as an .xlsx (a ZIP archive) does, but the directory that ends one is missing: still being written or copied when read? lint it once complete, or save it again from Excel or WPS (zip: not a valid zip file)`},
	{name: "zip not a workbook", file: "a.xlsx", data: zipOf("readme.txt", "hello"), en: `a ZIP archive, not an Excel .xlsx workbook (no xl/workbook.xml)`},
}

// utf16Text is s in UTF-16LE, without a byte-order mark.
func utf16Text(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}

func zipOf(name, content string) string {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	w, _ := z.Create(name)
	w.Write([]byte(content))
	z.Close()
	return b.String()
}

// TestReasonsInChinese: the text and HTML reports, in Chinese, say why each
// record was rejected and each file could not be read in Chinese too,
// keeping the export's values as they are, for every kind of reason the
// readers give; the JSON report (a machine format) keeps them in English.
func TestReasonsInChinese(t *testing.T) {
	for _, c := range reasonCases {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if c.data != "" {
				if err := os.WriteFile(c.file, []byte(c.data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for name, data := range c.files {
				os.MkdirAll(filepath.Dir(name), 0o755)
				if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			lint := func(format string) string {
				args := append([]string{"lint", "--no-progress", "--fail-on", "none", "--format", format}, c.args...)
				_, stdout, stderr := runCLI(t, append(args, c.file)...)
				if stdout == "" {
					t.Fatalf("%v: no report: %s", args, stderr)
				}
				return stdout
			}
			var report struct {
				Errors []struct {
					File, Error  string
					Line, Column int
				}
				Summary struct {
					Unreadable []struct {
						File, Error  string
						Line, Column int
					} `json:"unreadable_files"`
				}
			}
			if err := json.Unmarshal([]byte(lint("json")), &report); err != nil {
				t.Fatal(err)
			}
			// each reason, where the reports put it (a file that could not
			// be read under its name: the line where reading stopped, which
			// its JSON entry has too, is said in the reason)
			reasons := map[string]string{}
			for _, e := range report.Errors {
				pos := e.File
				if e.Line > 0 {
					pos += ":" + strconv.Itoa(e.Line)
					if e.Column > 0 {
						pos += ":" + strconv.Itoa(e.Column)
					}
				}
				reasons[pos] = e.Error
			}
			for _, e := range report.Summary.Unreadable {
				reasons[e.File] = e.Error
			}
			found := false
			for _, en := range reasons {
				found = found || strings.Contains(en, c.en)
			}
			if !found {
				t.Fatalf("no reason with %q in the json report: %q", c.en, reasons)
			}
			text, page := lint("text"), html.UnescapeString(lint("html"))
			for pos, en := range reasons {
				zhText := reportLine(text, "    "+pos+": ", "\n")
				zhHTML := reportLine(page, `<td class="pos">`+pos+`</td><td>`, "</td>")
				for format, zh := range map[string]string{"text": zhText, "html": zhHTML} {
					if zh == "" {
						t.Errorf("%s: no reason for %s:\n%s", format, pos, text)
						continue
					}
					if left := englishIn(zh, c.keep); left != "" {
						t.Errorf("%s: %s: English left (%q) in %q (the reason: %q)", format, pos, left, zh, en)
					}
					if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
						t.Errorf("%s: %s: reason not in Chinese: %q", format, pos, zh)
					}
					for _, v := range c.keep {
						if strings.Contains(en, v) && !strings.Contains(zh, v) {
							t.Errorf("%s: %s: the value %s of the reason is not kept: %q (the reason: %q)", format, pos, v, zh, en)
						}
					}
				}
			}
		})
	}
}

// reportLine is the rest of the report's line that starts with head, up to
// end ("": none).
func reportLine(report, head, end string) string {
	i := strings.Index(report, head)
	if i < 0 {
		return ""
	}
	rest := report[i+len(head):]
	if j := strings.Index(rest, end); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

var (
	// what a Chinese reason may keep of the English: quoted values, flags
	// with their values, and a few names
	quotedValue = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|「[^」]*」`)
	flagValue   = regexp.MustCompile(`--[a-z][a-z-]*(?:=\S*)?(?: [a-zA-Z0-9_./*:=,\[\]]+)?`)
	technical   = []string{"YYYY-MM-DD HH:MM:SS", "Finance SDK", "RFC 3339"}
	// two English words in a row
	englishWords = regexp.MustCompile(`[A-Za-z]{2,}(?:[ ,;:]+[A-Za-z]{2,})+`)
)

// englishIn returns the first English words left in a Chinese reason, its
// values (keep), quoted values and flags aside.
func englishIn(zh string, keep []string) string {
	for _, k := range append(keep, technical...) {
		zh = strings.ReplaceAll(zh, k, " ")
	}
	zh = quotedValue.ReplaceAllString(zh, " ")
	zh = flagValue.ReplaceAllString(zh, " ")
	return englishWords.FindString(zh)
}
