package main

import (
	"fmt"
	"os"
	"syscall"
	"unsafe"
)

// openPTS opens a new pseudo-terminal and returns its terminal side (the
// controlling side is left open until the process ends).
func openPTS() (*os.File, error) {
	ptmx, tty, err := openPTY()
	if err != nil {
		return nil, err
	}
	// the controlling side must stay reachable: the garbage collector
	// would close it, hanging up the terminal side and removing its
	// /dev/pts entry under the test
	controllers = append(controllers, ptmx)
	return tty, nil
}

// openPTY opens a new pseudo-terminal: its controlling side, which reads
// what is written to the terminal side, and the terminal side.
func openPTY() (ptmx, tty *os.File, err error) {
	ptmx, err = os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		return nil, nil, err
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		ptmx.Close()
		return nil, nil, e
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		ptmx.Close()
		return nil, nil, e
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		ptmx.Close()
		return nil, nil, err
	}
	return ptmx, tty, nil
}

// controllers holds the controlling sides openPTS opened, open until the
// process ends.
var controllers []*os.File
