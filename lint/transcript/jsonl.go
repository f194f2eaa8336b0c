package transcript

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/chatlint/chatlint/lint"
)

func init() {
	register(&Format{
		Name:       "jsonl",
		Extensions: []string{".jsonl", ".ndjson"},
		AutoDetect: true,
		Sniff: func(head []byte) bool {
			head = bytes.TrimLeft(head, " \t\r\n")
			return len(head) > 0 && head[0] == '{'
		},
		New: func() Reader { return jsonlReader{} },
	})
}

// jsonlReader reads canonical JSONL: one message object per line.
type jsonlReader struct{}

// jsonRecord is a canonical message as written in JSON.
type jsonRecord struct {
	Conversation json.RawMessage `json:"conversation"`
	ID           json.RawMessage `json:"id"`
	Time         json.RawMessage `json:"time"`
	Role         *string         `json:"role"`
	Sender       *string         `json:"sender"`
	Type         *string         `json:"type"`
	Text         *string         `json:"text"`
}

func (jsonlReader) Read(ctx context.Context, src *Source, sink lint.Sink) error {
	lr := &lineReader{r: src.R}
	for {
		line, ok, err := lr.next()
		if err != nil {
			return fmt.Errorf("line %d: %w", lr.line+1, err)
		}
		if !ok {
			return nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		pos := lint.Pos{File: src.Name, Line: lr.line}
		m, rerr := parseJSONMessage(line, src, pos)
		if rerr != "" {
			err = sink.Reject(lint.RecordError{Pos: pos, Err: rerr})
		} else {
			err = sink.Message(m)
		}
		if err != nil {
			return err
		}
	}
}

// parseJSONMessage decodes one canonical message; a non-empty string is the
// reason the record is malformed.
func parseJSONMessage(line []byte, src *Source, pos lint.Pos) (lint.Message, string) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te) && te.Field == "":
			return lint.Message{}, "expected a JSON object with the message fields"
		case errors.As(err, &te):
			return lint.Message{}, fmt.Sprintf("field %q: expected a %s, got %s", te.Field, te.Type, te.Value)
		case errors.As(err, &se):
			return lint.Message{}, fmt.Sprintf("invalid JSON: %v (at byte %d)", se, se.Offset)
		}
		return lint.Message{}, "invalid JSON: " + err.Error()
	}
	return messageFromRecord(&rec, src, pos)
}

// messageFromRecord validates a decoded record and builds the message.
func messageFromRecord(rec *jsonRecord, src *Source, pos lint.Pos) (lint.Message, string) {
	m := lint.Message{Pos: pos, Type: lint.TypeText}
	if rec.Text == nil {
		return m, `missing "text"`
	}
	m.Text = *rec.Text
	if rec.Role == nil {
		return m, `missing "role"`
	}
	role, ok := lint.ParseRole(*rec.Role)
	if !ok {
		return m, fmt.Sprintf("unknown role %q (customer, agent, bot or system)", *rec.Role)
	}
	m.Role = role
	conv, err := scalarString(rec.Conversation)
	if err != "" {
		return m, `"conversation": ` + err
	}
	if conv == "" {
		conv = src.Name // a file holding one conversation
	}
	m.Conversation = conv
	if m.ID, err = scalarString(rec.ID); err != "" {
		return m, `"id": ` + err
	}
	if rec.Sender != nil {
		m.Sender = *rec.Sender
	}
	if rec.Type != nil && *rec.Type != "" {
		m.Type = *rec.Type
	}
	if len(rec.Time) > 0 && string(rec.Time) != "null" {
		ts, err := scalarString(rec.Time)
		if err != "" {
			return m, `"time": ` + err
		}
		t, perr := ParseTime(ts, src.Opts.Location)
		if perr != nil {
			return m, perr.Error()
		}
		m.Time = t
	}
	return m, ""
}

// scalarString reads a JSON string or number as a string ("" for absent or null).
func scalarString(raw json.RawMessage) (string, string) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "invalid string"
		}
		return s, ""
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if _, err := strconv.ParseFloat(string(raw), 64); err != nil {
			return "", "invalid number"
		}
		return strings.TrimSpace(string(raw)), ""
	}
	return "", "expected a string or a number"
}
