// Package spool keeps bytes that can only be used at the end of a run (the
// JUnit document starts with counts of the whole run; the malformed records
// are listed after the conversations): in memory while they are few, in a
// temporary file once they are many, so that memory does not grow with the
// input.
package spool

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// DefaultMemory is how many bytes a spool made by New holds in memory
// before it moves to a temporary file.
const DefaultMemory = 16 << 20

// Spool holds bytes written to it: in memory up to Memory bytes, in a
// temporary file past that. The file is unlinked as soon as it is made
// where the system allows it (nothing is left behind if the run is
// killed), and removed by Close otherwise. The zero value holds nothing in
// memory; New holds DefaultMemory.
type Spool struct {
	// Memory is how many bytes are held in memory before the spool moves
	// to a temporary file. Set it before the first Write.
	Memory int
	// Fallback keeps the bytes in memory when no temporary file can be
	// made (a read-only or missing temporary directory), instead of
	// failing: for bytes that are few in all but the rarest runs.
	Fallback bool

	mem    []byte
	f      *os.File
	noFile bool // Fallback took effect
	size   int64
	err    error
}

// New returns a spool that holds DefaultMemory bytes in memory.
func New() *Spool { return &Spool{Memory: DefaultMemory} }

// Write appends p. After an error every later Write returns it; the bytes
// written before it can still be read.
func (s *Spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.f == nil && !s.noFile && len(s.mem)+len(p) > s.Memory {
		if err := s.toFile(); err != nil {
			return 0, err
		}
	}
	if s.f == nil {
		s.mem = append(s.mem, p...)
	} else if _, err := s.f.Write(p); err != nil {
		s.err = fmt.Errorf("spooling to %s: %w", s.f.Name(), err)
		return 0, s.err
	}
	s.size += int64(len(p))
	return len(p), nil
}

// toFile moves the bytes held in memory to a new temporary file.
func (s *Spool) toFile() error {
	f, err := os.CreateTemp("", "chatlint-spool-*")
	if err != nil {
		if s.Fallback {
			s.noFile = true
			return nil
		}
		s.err = fmt.Errorf("spooling to a temporary file: %w", err)
		return s.err
	}
	// unlinked at once where an open file can be (not on Windows)
	_ = os.Remove(f.Name())
	if _, err := f.Write(s.mem); err != nil {
		s.err = fmt.Errorf("spooling to %s: %w", f.Name(), err)
		f.Close()
		os.Remove(f.Name())
		return s.err // the bytes stay in memory, to be read still
	}
	s.f, s.mem = f, nil
	return nil
}

// Size is the number of bytes written.
func (s *Spool) Size() int64 { return s.size }

// InFile reports whether the bytes are in a temporary file.
func (s *Spool) InFile() bool { return s.f != nil }

// CopyTo writes bytes [off, off+n) to w.
func (s *Spool) CopyTo(w io.Writer, off, n int64) error {
	if s.f == nil {
		_, err := w.Write(s.mem[off : off+n])
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(s.f, off, n)); err != nil {
		return fmt.Errorf("reading back what was spooled to %s: %w", s.f.Name(), err)
	}
	return nil
}

// Reader reads bytes [off, off+n). Reading from a temporary file can
// fail; the error names the file.
func (s *Spool) Reader(off, n int64) io.Reader {
	if s.f == nil {
		return bytes.NewReader(s.mem[off : off+n])
	}
	return &fileReader{r: io.NewSectionReader(s.f, off, n), name: s.f.Name()}
}

// Close drops the bytes and removes the temporary file. The spool is then
// empty and can be written again.
func (s *Spool) Close() error {
	s.mem, s.size, s.err, s.noFile = nil, 0, nil, false
	if s.f == nil {
		return nil
	}
	name := s.f.Name()
	err := s.f.Close()
	s.f = nil
	if rmErr := os.Remove(name); rmErr != nil && !os.IsNotExist(rmErr) && err == nil {
		err = rmErr
	}
	return err
}

type fileReader struct {
	r    *io.SectionReader
	name string
}

func (f *fileReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("reading back what was spooled to %s: %w", f.name, err)
	}
	return n, err
}
