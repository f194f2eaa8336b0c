package lint

import (
	"testing"
	"unsafe"
)

// TestChunkColumnsApart: the columns of a duplicate id's first record
// are kept apart from the chunks (grouper.cols, nil in JSONL), so that a
// block of chunks and its malloc header stay in their size class (6,912
// bytes): a pointer more in each chunk put it in the next, 8,192 bytes.
func TestChunkColumnsApart(t *testing.T) {
	if size := chunkBlock*unsafe.Sizeof(msgChunk{}) + 8; size > 6912 {
		t.Errorf("a block of %d chunks and its header is %d bytes, over the 6,912-byte size class", chunkBlock, size)
	}
	var g grouper
	a, b := g.takeChunk(), g.takeChunk()
	if g.colAt(a, 3) != 0 || g.cols != nil {
		t.Fatal("a chunk without columns has one")
	}
	g.setCol(a, 3, 63)
	if g.colAt(a, 3) != 63 || g.colAt(a, 2) != 0 || g.colAt(b, 3) != 0 {
		t.Errorf("columns %v", g.cols)
	}
	// a chunk taken again starts without them, and their room is
	// another's
	a.next, g.free = nil, a
	if c := g.takeChunk(); c != a || g.colAt(c, 3) != 0 {
		t.Errorf("a reused chunk keeps its columns: %v", g.cols)
	}
	g.setCol(b, 1, 7)
	if len(g.cols) != 1 || g.colAt(b, 1) != 7 || g.colAt(b, 3) != 0 {
		t.Errorf("columns %v", g.cols)
	}
}
