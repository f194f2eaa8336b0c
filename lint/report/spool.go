package report

import (
	"fmt"
	"io"
	"os"
)

// spoolMemory is how many bytes a spool holds in memory before it moves to
// a temporary file. A variable so that tests can make it small.
var spoolMemory = 16 << 20

// spool keeps bytes for a report that can only be written at the end (the
// JUnit document starts with counts of the whole run): in memory while they
// are few, in a temporary file once they pass spoolMemory, so that memory
// does not grow with the input. The file is unlinked as soon as it is made
// where the system allows it, and removed by Close otherwise.
type spool struct {
	mem  []byte
	f    *os.File
	size int64
	err  error
}

// Write appends p. After an error every later Write returns it.
func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.f == nil && len(s.mem)+len(p) > spoolMemory {
		f, err := os.CreateTemp("", "chatlint-spool-*")
		if err != nil {
			s.err = fmt.Errorf("spooling the report to a temporary file: %w", err)
			return 0, s.err
		}
		s.f = f
		// unlinked at once where an open file can be (not on Windows):
		// nothing is left behind if the run is killed
		_ = os.Remove(f.Name())
		if _, err := f.Write(s.mem); err != nil {
			s.err = fmt.Errorf("spooling the report to %s: %w", f.Name(), err)
			return 0, s.err
		}
		s.mem = nil
	}
	if s.f == nil {
		s.mem = append(s.mem, p...)
	} else if _, err := s.f.Write(p); err != nil {
		s.err = fmt.Errorf("spooling the report to %s: %w", s.f.Name(), err)
		return 0, s.err
	}
	s.size += int64(len(p))
	return len(p), nil
}

// Size is the number of bytes written.
func (s *spool) Size() int64 { return s.size }

// CopyTo writes bytes [off, off+n) to w.
func (s *spool) CopyTo(w io.Writer, off, n int64) error {
	if s.err != nil {
		return s.err
	}
	if s.f == nil {
		_, err := w.Write(s.mem[off : off+n])
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(s.f, off, n)); err != nil {
		return fmt.Errorf("reading the spooled report back from %s: %w", s.f.Name(), err)
	}
	return nil
}

// Close drops the bytes and removes the temporary file.
func (s *spool) Close() error {
	s.mem = nil
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
