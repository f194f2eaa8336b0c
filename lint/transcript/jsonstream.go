package transcript

import (
	"fmt"

	"github.com/chatlint/chatlint/lint"
)

// streamAfter is how much of the list of messages or conversations in a
// top-level object is read whole (its elements kept until the object ends);
// past it the list's elements are linted as they are read, so that a huge
// export ({"conversations": [...]}) takes bounded memory. (A variable so
// that tests can stream small lists.)
var streamAfter int64 = 4 << 20

// objectStream reads a top-level object, following the messages path (or,
// without one, the default layouts) down to the list it names.
//
// An object whose list stays under streamAfter is read whole and walked as
// before: the fields of its messages may fall back to keys of the objects
// around the list (an "id" beside "messages"), and those keys may come after
// the list. Over streamAfter, the list's elements are walked as they are
// read, with the enclosing objects as far as they have been read; the
// objects note every key asked of them, and a key that comes after the list
// and was asked for, or that repeats a key on the way to the list (the last
// one counts), ends the file with an error saying so, since messages were
// already linted without it.
type objectStream struct {
	w *jsonWalker
	p *jsonParser
	// keys lead from the top-level object to the list (a messages path);
	// nil: the default layouts ("conversations" or "messages" at the top)
	keys []string
	// rest is the messages path after the list's []; first: that [] is the
	// path's first (each element is a conversation)
	rest  []pathStep
	first bool
	// topIter: the messages path starts with [] (the object is one element
	// of a stream of objects)
	topIter bool
	none    bool // the path leads to no list (an [N] on the way): read whole

	streaming bool   // the list's elements are being walked as read
	listDone  bool   // a streamed list has ended
	listKey   string // the streamed list's key and line
	listLine  int
	convs     bool // default layout: a "conversations" list was read whole
	conv      string
}

// openObject notes the keys asked of an object being read: as they are
// (get), and the canonical fields, whose keys match in any case (field).
type openObject struct {
	asked  map[string]bool
	fields uint8 // 1<<f for each field f asked
}

// askField notes that canonical field f was looked up.
func (o *openObject) askField(f int) { o.fields |= 1 << f }

// wasAsked reports whether key was looked up: as it is, or as the
// canonical field it names.
func (o *openObject) wasAsked(key string) bool {
	if o.asked[key] {
		return true
	}
	f := fieldOf(key)
	return f >= 0 && o.fields&(1<<f) != 0
}

// ask notes that key was looked up.
func (o *openObject) ask(key string) {
	if o.asked == nil {
		o.asked = map[string]bool{}
	}
	o.asked[key] = true
}

// newObjectStream plans how to read a top-level object: the keys down to
// the list to stream, from the walker's messages path.
func newObjectStream(w *jsonWalker, p *jsonParser) *objectStream {
	o := &objectStream{w: w, p: p}
	if w.steps == nil {
		return o
	}
	if len(w.msgPaths) > 1 {
		o.none = true // several lists: read whole
		return o
	}
	steps := w.steps
	if steps[0].iter {
		o.topIter = true
		steps = steps[1:]
	}
	for i, s := range steps {
		switch {
		case s.iter:
			if i == 0 {
				o.none = true
				return o
			}
			o.rest = steps[i+1:]
			o.first = w.firstIter() == len(w.steps)-len(steps)+i
			return o
		case s.index >= 0:
			o.none = true
			return o
		}
		o.keys = append(o.keys, s.key)
	}
	o.none = true // no list on the path
	return o
}

// read reads the object whose { has been read and walks it.
func (o *objectStream) read(line int) error {
	n, err := o.object(line, 1, 0, nil)
	if err != nil || o.streaming {
		return err
	}
	return o.w.top(n)
}

// object reads an object at nesting depth and at level steps down the path;
// frames are the objects open around it.
func (o *objectStream) object(line, depth, level int, frames []*jnode) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, o.p.tooDeep(line)
	}
	n := &jnode{line: line, kind: '{', ext: &nodeExt{open: &openObject{}}}
	nbad, nover := o.p.nbad, o.p.nover
	frames = append(frames[:len(frames):len(frames)], n)
	add := func(key string, v *jnode) error {
		n.keys = append(n.keys, key)
		n.vals = append(n.vals, v)
		return nil
	}
	custom := func(key string, kline int) (bool, error) {
		if o.listDone {
			if o.p.keyOver {
				// which key it is, nobody can tell
				return false, fmt.Errorf("line %d: a key over the %s a record may take (at column %d) comes after the list %q (line %d), which was linted as it was read (a list over %s is); its messages may depend on it, so put it before the list",
					kline, lint.ByteSize(int64(o.p.max)), o.p.lastOver.col, o.listKey, o.listLine, lint.ByteSize(streamAfter))
			}
			if n.ext.open.wasAsked(key) || o.onPath(level, key) {
				return false, fmt.Errorf("line %d: %q comes after the list %q (line %d), which was linted as it was read (a list over %s is); its messages may depend on %q, so put it before the list",
					kline, key, o.listKey, o.listLine, lint.ByteSize(streamAfter), key)
			}
			return false, nil
		}
		if o.none || o.streaming {
			return false, nil
		}
		c, err := o.p.next()
		if err != nil {
			return false, err
		}
		vline := o.p.line
		switch {
		case c == '{' && level < len(o.keys)-1 && key == o.keys[level]:
			o.p.pos++
			v, err := o.object(vline, depth+1, level+1, frames)
			if err != nil {
				return false, err
			}
			return true, add(key, v)
		case c == '[' && o.isList(level, key):
			o.p.pos++
			v, err := o.list(key, vline, depth+1, frames)
			if err != nil {
				return false, err
			}
			if o.keys == nil && isLayoutKey(key, "conversations") {
				o.convs = true
			}
			return true, add(key, v)
		}
		return false, nil
	}
	err := o.p.members(n, depth, add, custom)
	n.ext.open = nil
	if err != nil {
		return nil, err
	}
	if o.p.nbad != nbad {
		n.odd |= oddBad
	}
	if o.p.nover != nover {
		n.noteOver(firstOverIn(n), nil)
	}
	return n, nil
}

// isList reports whether key at level names the list to stream.
func (o *objectStream) isList(level int, key string) bool {
	if o.keys == nil {
		return level == 0 && (isLayoutKey(key, "conversations") || isLayoutKey(key, "messages") && !o.convs)
	}
	return level == len(o.keys)-1 && key == o.keys[level]
}

// onPath reports whether a key at level, read after the streamed list,
// would have changed how the whole object is walked: a repeat of a key on
// the way to the list, or (default layout) a "conversations" list after a
// streamed "messages" one.
func (o *objectStream) onPath(level int, key string) bool {
	if o.keys == nil {
		// (a "messages" list after a streamed "conversations" one: the
		// whole object would have been refused, as holding both)
		return level == 0 && (key == o.listKey || isLayoutKey(key, "conversations") || isLayoutKey(key, "messages"))
	}
	return level < len(o.keys) && key == o.keys[level]
}

// list reads the list at the end of the path: kept whole up to streamAfter,
// then walked element by element.
func (o *objectStream) list(key string, line, depth int, frames []*jnode) (*jnode, error) {
	if depth > maxJSONDepth {
		return nil, o.p.tooDeep(line)
	}
	start, mark, nbad, nover := o.p.offset(), o.p.mark(), o.p.nbad, o.p.nover
	var kept []*jnode
	var first *jsonOver // the first value over the bound in the elements
	// once streamed, the elements of the default layout's conversations
	// are deferred as those of a top-level array are (elementSkimmer)
	var custom func() (bool, error)
	if o.keys == nil && isLayoutKey(key, "conversations") {
		if skim := elementSkimmer(o.w, o.p, key+"[]"); skim != nil {
			custom = func() (bool, error) {
				if !o.streaming {
					return false, nil
				}
				return skim()
			}
		}
	}
	err := o.p.elements(depth, false, func(e *jnode) error {
		if first == nil {
			first = e.firstOver()
		}
		if o.streaming {
			// walked and dropped: its nodes go back to the arena (the
			// frames' nodes were allocated before the list)
			defer o.p.release(mark)
			return o.element(e, frames)
		}
		kept = append(kept, e)
		if o.p.offset()-start <= streamAfter {
			return nil
		}
		if err := o.start(key, line, frames, kept[0]); err != nil {
			return err
		}
		defer o.p.release(mark)
		for i, e := range kept {
			kept[i] = nil
			if err := o.element(e, frames); err != nil {
				return err
			}
		}
		kept = nil
		return nil
	}, custom)
	if err != nil {
		return nil, err
	}
	n := &jnode{line: line, kind: '[', vals: kept}
	if o.p.nbad != nbad {
		n.odd |= oddBad
	}
	if o.p.nover != nover {
		n.noteOver(first, nil)
	}
	if o.streaming {
		o.listDone = true
	}
	return n, nil
}

// start begins walking the list as it is read, doing first what walking
// the whole object does before it reaches the list, whose first element
// is first. A default layout's "conversations" list after a "messages"
// list or another "conversations" one is an error, as it is when the
// object is read whole (one of the lists would be lost).
func (o *objectStream) start(key string, line int, frames []*jnode, first *jnode) error {
	if o.keys == nil && isLayoutKey(key, "conversations") && len(frames) > 0 {
		top := frames[0]
		for i, k := range top.keys {
			if v := top.vals[i]; v.kind == '[' && (isLayoutKey(k, "messages") || isLayoutKey(k, "conversations")) {
				if isLayoutKey(k, "messages") {
					inner := k
					if mk, _ := first.layoutKey("messages"); mk != "" {
						inner = mk
					}
					return bothLists(key, k, inner, line, v.line, first)
				}
				return conversationsTwice([]string{k, key}, line)
			}
		}
	}
	o.streaming, o.listKey, o.listLine = true, key, line
	w := o.w
	switch {
	case o.keys == nil && isLayoutKey(key, "messages"):
		w.outer++
		w.at = key + "[]" // as written, as walking the whole object says it
		o.conv = fmt.Sprintf("%s#%d", w.b.src.Name, w.outer)
	case o.topIter:
		w.outer++
	}
	return nil
}

// element walks one element of the streamed list.
func (o *objectStream) element(e *jnode, frames []*jnode) error {
	w := o.w
	if err := w.ctx.Err(); err != nil {
		return err
	}
	switch {
	case o.keys == nil && isLayoutKey(o.listKey, "messages"):
		return w.emit(e, frames, o.conv)
	case o.keys == nil:
		w.outer++
		w.at = o.listKey + "[]"
		return w.element(e)
	}
	if o.first {
		w.outer++
	}
	return w.walk(e, o.rest, frames)
}
