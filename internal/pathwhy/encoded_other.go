//go:build !unix

package pathwhy

// Encoded is none where a file's name is always Unicode (Windows keeps
// names in UTF-16): no name is GBK's bytes (see the Unix Encoded).
func (u Under) Encoded(path string, err error) EncodedNames { return nil }
