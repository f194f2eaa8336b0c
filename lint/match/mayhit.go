package match

// MayHitMask returns the first 64 lists (bit i: list i) that may match the
// text, as Has and Hits test them first: a list whose bit is clear has no
// hit. The lists from the 64th on are not in it (ask Has), and every bit
// is set for a text not analysed. A caller asking many lists about many
// texts keeps the masks side by side and passes over a text, or over a
// whole conversation, with one test.
func (t *Text) MayHitMask() uint64 { return ^t.skip0 }
