package main

import (
	"os"
	"runtime"
	"strconv"
	"syscall"
	"unsafe"
)

var prefaultDone chan struct{}

func startPrefault() {
	n, _ := strconv.Atoi(os.Getenv("CHATLINT_PF"))
	if n <= 0 {
		return
	}
	prefaultDone = make(chan struct{})
	go func() {
		b := make([]byte, n<<20)
		p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
		_, _, e := syscall.Syscall(syscall.SYS_MADVISE, p, uintptr(len(b)), 23 /* MADV_POPULATE_WRITE */)
		if e != 0 {
			println("madvise", e.Error())
		}
		runtime.KeepAlive(b)
		close(prefaultDone)
	}()
}

func endPrefault() {
	if prefaultDone == nil {
		return
	}
	<-prefaultDone
	runtime.GC()
}
