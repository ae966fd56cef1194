package server

import (
	"errors"
	"net"
	"strconv"
	"syscall"

	"github.com/kuntahankinnat/handbook/internal/diag"
)

// AddrInUseError is the error of New when another program (often another
// preview) listens on the address already. Next is an address to try.
type AddrInUseError struct {
	Addr, Next string
	Err        error
}

func (e *AddrInUseError) Error() string { return e.Text().String() }

func (e *AddrInUseError) Unwrap() error { return e.Err }

// Text is the error's message for people, to be translated.
func (e *AddrInUseError) Text() *diag.Text {
	return diag.Textf("the port of %s is in use: is a preview already running? Stop it, or try -addr %s", e.Addr, e.Next)
}

// addrInUse reports whether err says that the address is taken.
func addrInUse(err error) bool {
	return errors.Is(err, syscall.EADDRINUSE) || errors.Is(err, wsaeaddrinuse)
}

// wsaeaddrinuse is Windows' own error for an address in use, which
// syscall.EADDRINUSE does not match there.
const wsaeaddrinuse = syscall.Errno(10048)

// nextAddr is addr with the next port: 127.0.0.1:8081 for 127.0.0.1:8080.
func nextAddr(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n <= 0 || n >= 65535 {
		return "127.0.0.1:8081"
	}
	return net.JoinHostPort(host, strconv.Itoa(n+1))
}
