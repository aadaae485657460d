/* Drops files onto a window the way a file manager does, through the XDND protocol (version 5):
 * enter, position, drop, then hands over the text/uri-list when the target asks for it.
 * Used by the end-to-end test of dropping a file onto qantar under Xvfb.
 *   xdnd_drop WINDOW_ID FILE...          (exit 0 when the target reports the drop accepted) */
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void send(Display* d, Window target, Window source, Atom type, long a1, long a2, long a3, long a4) {
    XEvent e;
    memset(&e, 0, sizeof e);
    e.xclient.type = ClientMessage;
    e.xclient.display = d;
    e.xclient.window = target;
    e.xclient.message_type = type;
    e.xclient.format = 32;
    e.xclient.data.l[0] = (long)source;
    e.xclient.data.l[1] = a1;
    e.xclient.data.l[2] = a2;
    e.xclient.data.l[3] = a3;
    e.xclient.data.l[4] = a4;
    XSendEvent(d, target, False, NoEventMask, &e);
    XFlush(d);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: xdnd_drop WINDOW_ID FILE...\n");
        return 2;
    }
    Display* d = XOpenDisplay(NULL);
    if (!d) {
        fprintf(stderr, "xdnd_drop: no X display\n");
        return 2;
    }
    const Window target = (Window)strtoul(argv[1], NULL, 0);
    const Window source = XCreateSimpleWindow(d, DefaultRootWindow(d), 0, 0, 1, 1, 0, 0, 0);
    const Atom aware = XInternAtom(d, "XdndAware", False);
    const Atom enter = XInternAtom(d, "XdndEnter", False);
    const Atom position = XInternAtom(d, "XdndPosition", False);
    const Atom status = XInternAtom(d, "XdndStatus", False);
    const Atom drop = XInternAtom(d, "XdndDrop", False);
    const Atom finished = XInternAtom(d, "XdndFinished", False);
    const Atom leave = XInternAtom(d, "XdndLeave", False);
    const Atom selection = XInternAtom(d, "XdndSelection", False);
    const Atom uriList = XInternAtom(d, "text/uri-list", False);
    const Atom copy = XInternAtom(d, "XdndActionCopy", False);
    (void)aware;

    char uris[8192] = "";
    for (int i = 2; i < argc; ++i) {
        strncat(uris, "file://", sizeof uris - strlen(uris) - 1);
        strncat(uris, argv[i], sizeof uris - strlen(uris) - 1);
        strncat(uris, "\r\n", sizeof uris - strlen(uris) - 1);
    }
    XSetSelectionOwner(d, selection, source, CurrentTime);

    int x = 0, y = 0;
    {
        Window child;
        XWindowAttributes wa;
        XGetWindowAttributes(d, target, &wa);
        XTranslateCoordinates(d, target, DefaultRootWindow(d), wa.width / 2, wa.height / 2, &x, &y, &child);
    }
    send(d, target, source, enter, 5L << 24, (long)uriList, 0, 0);
    send(d, target, source, position, 0, ((long)x << 16) | y, CurrentTime, (long)copy);

    const time_t deadline = time(NULL) + 10;
    int dropped = 0, ok = 0;
    while (time(NULL) < deadline) {
        while (XPending(d)) {
            XEvent e;
            XNextEvent(d, &e);
            if (e.type == ClientMessage && e.xclient.message_type == status && !dropped) {
                if (!(e.xclient.data.l[1] & 1)) {
                    fprintf(stderr, "xdnd_drop: the window does not accept the drop\n");
                    send(d, target, source, leave, 0, 0, 0, 0);
                    return 1;
                }
                send(d, target, source, drop, 0, CurrentTime, 0, 0);
                dropped = 1;
            } else if (e.type == SelectionRequest) {
                XSelectionRequestEvent* r = &e.xselectionrequest;
                XChangeProperty(d, r->requestor, r->property, r->target, 8, PropModeReplace,
                                (const unsigned char*)uris, (int)strlen(uris));
                XEvent reply;
                memset(&reply, 0, sizeof reply);
                reply.xselection.type = SelectionNotify;
                reply.xselection.requestor = r->requestor;
                reply.xselection.selection = r->selection;
                reply.xselection.target = r->target;
                reply.xselection.property = r->property;
                reply.xselection.time = r->time;
                XSendEvent(d, r->requestor, False, NoEventMask, &reply);
                XFlush(d);
            } else if (e.type == ClientMessage && e.xclient.message_type == finished) {
                ok = 1;
                goto done;
            }
        }
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
done:
    XCloseDisplay(d);
    if (!ok) fprintf(stderr, "xdnd_drop: the drop was not finished within 10 s\n");
    return ok ? 0 : 1;
}
