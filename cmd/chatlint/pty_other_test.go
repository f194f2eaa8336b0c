//go:build !linux

package main

import (
	"errors"
	"os"
)

func openPTS() (*os.File, error) { return nil, errors.New("not on this system") }

func openPTY() (ptmx, tty *os.File, err error) { return nil, nil, errors.New("not on this system") }
