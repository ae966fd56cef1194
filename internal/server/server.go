package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/kuntahankinnat/handbook/internal/build"
	"github.com/kuntahankinnat/handbook/internal/diag"
)

// Config configures a preview server.
type Config struct {
	// Addr is the address to listen on, 127.0.0.1:8080 by default.
	Addr string
	// Build is how the site is built; Out is ignored (the server builds
	// into a temporary folder of its own).
	Build build.Options
	// Watch are the folders watched besides Build.Content (a theme folder,
	// UI strings read from disk).
	Watch []string
	// Log receives what the terminal shows: the address, and every
	// rebuild with its errors and warnings.
	Log io.Writer
	// Debounce is how long the watcher waits after a change for more
	// (an editor saving writes several events); 30 ms by default.
	Debounce time.Duration
}

// Server is a running preview.
type Server struct {
	cfg      Config
	listener net.Listener
	tmp      string // the server's temporary folder; the site is in tmp/site
	site     string
	session  *build.Session
	hub      *hub

	hosts   map[string]bool // Host values the server answers
	anyHost bool            // listening on all interfaces: any Host

	mu     sync.RWMutex
	built  bool               // a good build is being served
	errs   []*diag.Diagnostic // the errors of the last build or update
	builds chan []string      // batches of changed paths, for the builder
}

// New listens on cfg.Addr and makes a temporary folder to build into. Call
// Serve to build and serve; Close if Serve is never called.
func New(cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Debounce == 0 {
		cfg.Debounce = 30 * time.Millisecond
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "handbook-serve-")
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{cfg: cfg, listener: ln, tmp: tmp, site: filepath.Join(tmp, "site"), hub: newHub(), builds: make(chan []string, 16)}
	s.hosts, s.anyHost = allowedHosts(ln.Addr().(*net.TCPAddr))
	opt := cfg.Build
	opt.Out = s.site
	opt.Preview = true
	s.session = build.NewSession(opt)
	return s, nil
}

// URL is the address to open in a browser.
func (s *Server) URL() string {
	a := s.listener.Addr().(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port)) + "/"
}

// Loopback reports whether the server listens only on a loopback address.
func (s *Server) Loopback() bool {
	return s.listener.Addr().(*net.TCPAddr).IP.IsLoopback()
}

// Serve builds the site, serves it and publishes changes until ctx is done.
func (s *Server) Serve(ctx context.Context) error {
	defer os.RemoveAll(s.tmp)
	s.apply(s.session.Build(ctx))
	s.session.FinishSearch()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	roots := append([]string{s.cfg.Build.Content}, s.cfg.Watch...)
	w, err := newWatcher(roots, s.cfg.Debounce, s.builds, s.cfg.Log)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Go(func() { w.run(ctx) })
	wg.Go(func() { s.rebuildLoop(ctx) })
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(s.listener) }()
	select {
	case <-ctx.Done():
	case err = <-errc:
	}
	s.hub.close()
	shutdown, stop := context.WithTimeout(context.Background(), 2*time.Second)
	defer stop()
	_ = srv.Shutdown(shutdown)
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// Close releases the listener and the temporary folder of a server whose
// Serve was never called.
func (s *Server) Close() error {
	defer os.RemoveAll(s.tmp)
	return s.listener.Close()
}

// rebuildLoop publishes each batch of changes, one at a time.
func (s *Server) rebuildLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case paths := <-s.builds:
			s.apply(s.session.Update(ctx, paths))
			// The search index is written after the tabs were told to
			// reload: it is not needed to show the page.
			for _, d := range s.session.FinishSearch() {
				fmt.Fprintln(s.cfg.Log, d.Error())
			}
		}
	}
}

// apply records the outcome of a build or an update, prints it and tells
// the tabs.
func (s *Server) apply(r *build.Result) {
	var errs []*diag.Diagnostic
	for _, d := range r.Diags {
		fmt.Fprintln(s.cfg.Log, d.Error())
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	s.mu.Lock()
	s.errs = errs
	if len(errs) == 0 {
		s.built = true
	}
	s.mu.Unlock()
	if len(errs) > 0 {
		fmt.Fprintf(s.cfg.Log, "%d errors; still serving the last good pages\n", len(errs))
		s.hub.broadcast(s.statusEvent())
		return
	}
	what := fmt.Sprintf("%d pages", r.Pages)
	if r.Full {
		what = "the whole site"
	}
	fmt.Fprintf(s.cfg.Log, "%s built %s in %s\n", time.Now().Format("15:04:05"), what, r.Duration.Round(time.Millisecond))
	s.hub.broadcast(event{name: "reload", data: reloadData{Moved: r.Moved}})
}

type reloadData struct {
	Moved map[string]string `json:"moved,omitempty"`
}

// problem is a diagnostic as the overlay shows it.
type problem struct {
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Message string `json:"message"`
}

// statusEvent is "errors" with the current errors, or "ok".
func (s *Server) statusEvent() event {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(s.errs) == 0 {
		return event{name: "ok", data: struct{}{}}
	}
	ps := make([]problem, len(s.errs))
	for i, d := range s.errs {
		ps[i] = problem{Path: d.Path, Line: d.Line, Col: d.Col, Message: d.Msg}
	}
	return event{name: "errors", data: ps}
}

// allowedHosts lists the Host header values that name this server. On a
// loopback address that is the address and localhost; on every interface
// (0.0.0.0), asked for explicitly, any host.
func allowedHosts(a *net.TCPAddr) (map[string]bool, bool) {
	port := fmt.Sprint(a.Port)
	hosts := map[string]bool{net.JoinHostPort(a.IP.String(), port): true}
	if a.IP.IsLoopback() {
		for _, h := range []string{"localhost", "127.0.0.1", "::1"} {
			hosts[net.JoinHostPort(h, port)] = true
		}
	}
	return hosts, a.IP.IsUnspecified()
}

func (s *Server) allowedHost(host string) bool {
	return s.anyHost || s.hosts[strings.ToLower(host)]
}

func (s *Server) allowedOrigin(origin string) bool {
	scheme, host, ok := strings.Cut(origin, "://")
	return ok && scheme == "http" && s.allowedHost(host)
}
