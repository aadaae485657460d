#!/usr/bin/env python3
"""Fault injection: every kind of file qantar writes, under kill -9 at random moments, a full
disk, a read-only folder and two writers at once. After each fault the previous file is intact
(byte for byte, or a complete newer version), and once qantar has run again nothing else is left
behind (no temporary, no partial frame, no ffmpeg log).

  fault_injection.py QANTAR FAULT_WRITER ACLED_CSV PART
  PART: kill | full | readonly | concurrent

The kinds: settings, story and story autosave (through fault_writer, which saves them with the
window's own functions), a PNG, a PNG sequence, a video and an import's output (through qantar).
The rounds and their random moments come from a fixed seed (QANTAR_FAULT_ROUNDS rounds per kind,
8 by default), so a failure can be replayed. A full disk and a read-only folder need a file system
of their own: a small tmpfs, else a loop-mounted ext2 image; where neither can be mounted (no
privilege), the part is skipped (exit 77) and says so.
"""
import os, random, shutil, signal, subprocess, sys, tempfile, time

QANTAR, WRITER, CSV, PART = sys.argv[1:5]
ROUNDS = int(os.environ.get("QANTAR_FAULT_ROUNDS", "8"))
rng = random.Random(20220105)
failures = []
work = tempfile.mkdtemp(prefix="qantar-fault-")
env = dict(os.environ, QANTAR_CONFIG_DIR=os.path.join(work, "config"), HOME=work)

TIME_A, TIME_B = "2022-01-05T20:00", "2022-01-06T08:00"
SIZE = ["--size", "480x270"]


def fail(msg):
    print("FAIL:", msg)
    failures.append(msg)


def run(args, timeout=300):
    return subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def leftovers(folder, allowed):
    """Files in folder that are not among `allowed` names (temporaries, logs, partial files)."""
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return [n for n in names if n not in allowed]


# --- The kinds of write: how to make version A / B, and how to tell what a file holds ----------

class Kind:
    """One kind of write into `folder/name`."""
    def __init__(self, name, target, command, check):
        self.name, self.target, self.command, self.check = name, target, command, check


def writer_kind(kind, name):
    def command(folder, version, loop=False):
        return [WRITER, kind, os.path.join(folder, name), str(version)] + (["loop"] if loop else [])

    def check(folder):
        r = run([WRITER, kind, os.path.join(folder, name), "0", "check"])
        return r.returncode == 0
    return Kind(kind, name, command, check)


def png_command(folder, version, loop=False):
    return [QANTAR, "export", *SIZE, "--time", TIME_A if version % 2 == 0 else TIME_B, "--out", os.path.join(folder, "figure.png")]


def video_command(folder, version, loop=False):
    end = "2022-01-05T06:00" if version % 2 == 0 else "2022-01-05T09:00"
    return [QANTAR, "export", *SIZE, "--from", "2022-01-05T00:00", "--to", end, "--step", "1h", "--fps", "5",
            "--video", os.path.join(folder, "week.mp4")]


def sequence_command(folder, version, loop=False):
    return [QANTAR, "export", *SIZE, "--from", "2022-01-05T00:00", "--to", "2022-01-05T05:00", "--step", "1h",
            "--out", os.path.join(folder, "frames") + "/"]


def import_command(folder, version, loop=False):
    return [QANTAR, "import", CSV, "--out", os.path.join(folder, "events.json")]


references = {}


def reference(kind, version):
    """The bytes a complete write of this version gives (made once, in a folder of its own)."""
    key = (kind.name, version % 2)
    if key not in references:
        folder = tempfile.mkdtemp(dir=work, prefix="ref-")
        r = run(kind.command(folder, version))
        if r.returncode != 0:
            fail(f"{kind.name}: a plain write failed: {r.stderr.decode(errors='replace')}")
        references[key] = read(os.path.join(folder, kind.target))
    return references[key]


def bytes_check(kind):
    def check(folder):
        data = read(os.path.join(folder, kind.target))
        return data is not None and data in (reference(kind, 0), reference(kind, 1))
    return check


def video_check(folder):
    path = os.path.join(folder, "week.mp4")
    if not os.path.exists(path):
        return False
    r = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                        "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return r.returncode == 0 and r.stdout.strip() in (b"7", b"10")  # version A or B, whole


KINDS = [writer_kind("settings", "settings.json"), writer_kind("story", "story.json"),
         writer_kind("autosave", "autosave.json")]
png = Kind("png", "figure.png", png_command, None)
png.check = bytes_check(png)
imp = Kind("import", "events.json", import_command, None)
imp.check = bytes_check(imp)
video = Kind("video", "week.mp4", video_command, video_check)
KINDS += [png, imp, video]


def frames_complete(folder):
    """Every frame present is a whole PNG equal to the one a full run writes."""
    frames = os.path.join(folder, "frames")
    ref = os.path.join(work, "ref-frames")
    if not os.path.isdir(ref):
        os.makedirs(ref)
        run(sequence_command(ref, 0))
    ok = True
    for n in os.listdir(frames) if os.path.isdir(frames) else []:
        if n.startswith("frame_") and n.endswith(".png") and read(os.path.join(frames, n)) != read(os.path.join(ref, "frames", n)):
            fail(f"sequence: {n} is not a whole frame after the fault")
            ok = False
    return ok


def duration(cmd):
    t = time.monotonic()
    run(cmd)
    return time.monotonic() - t


# --- The parts ----------------------------------------------------------------------------------

def part_kill():
    for kind in KINDS:
        folder = tempfile.mkdtemp(dir=work, prefix=f"kill-{kind.name}-")
        if run(kind.command(folder, 0)).returncode != 0:
            fail(f"{kind.name}: the first write failed")
            continue
        loop = kind.name in ("settings", "story", "autosave")
        span = 0.3 if loop else duration(kind.command(tempfile.mkdtemp(dir=work), 1))
        for r in range(ROUNDS):
            p = subprocess.Popen(kind.command(folder, r + 1, loop), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, span))
            p.send_signal(signal.SIGKILL)
            p.wait()
            if not kind.check(folder):
                fail(f"{kind.name}: round {r + 1}: after kill -9 the file is neither the previous one nor a whole new one")
        # The next write cleans what the killed ones left.
        if run(kind.command(folder, 0)).returncode != 0:
            fail(f"{kind.name}: a write after the kills failed")
        extra = leftovers(folder, {kind.target})
        if extra:
            fail(f"{kind.name}: left behind after kill -9 and a new write: {extra}")
    # A sequence: frames written stay whole; a new run leaves nothing but frames.
    folder = tempfile.mkdtemp(dir=work, prefix="kill-sequence-")
    span = duration(sequence_command(tempfile.mkdtemp(dir=work), 0))
    for r in range(ROUNDS):
        p = subprocess.Popen(sequence_command(folder, 0), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, span))
        p.send_signal(signal.SIGKILL)
        p.wait()
        frames_complete(folder)
    run(sequence_command(folder, 0))
    extra = [n for n in leftovers(os.path.join(folder, "frames"), set()) if not (n.startswith("frame_") and n.endswith(".png"))]
    if extra:
        fail(f"sequence: left behind after kill -9 and a new run: {extra}")


def mount_small(folder, size_kb):
    """A file system of its own: tmpfs, else a loop-mounted ext2 image. False if neither mounts."""
    os.makedirs(folder, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", folder],
                      stderr=subprocess.DEVNULL).returncode == 0:
        return True
    image = folder + ".img"
    with open(image, "wb") as f:
        f.truncate(size_kb * 1024)
    if subprocess.run(["mkfs.ext2", "-q", "-F", image], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0 and \
            subprocess.run(["mount", "-o", "loop", image, folder], stderr=subprocess.DEVNULL).returncode == 0:
        return True
    return False


def unmount(folder):
    subprocess.run(["umount", "-l", folder], stderr=subprocess.DEVNULL)


def fill(folder):
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with open(os.path.join(folder, "filler"), "wb") as f:
        try:
            f.write(b"\0" * max(0, free - 2048))
        except OSError:
            pass


def faulted(part, prepare, message_words):
    """Each kind against a folder where writing fails; the previous file must survive."""
    mounts = []
    try:
        for kind in KINDS + ["sequence"]:
            name = kind if isinstance(kind, str) else kind.name
            folder = os.path.join(work, f"{part}-{name}")
            if not mount_small(folder, 8192):
                print(f"SKIP: cannot mount a file system of its own here ({part} needs one; run as root)")
                sys.exit(77)
            mounts.append(folder)
            if name == "sequence":
                run(sequence_command(folder, 0))
                before = {n: read(os.path.join(folder, "frames", n)) for n in os.listdir(os.path.join(folder, "frames"))}
                for n in before:  # a full rerun: every frame is replaced, so each must survive its failure
                    pass
                prepare(folder)
                r = run(sequence_command(folder, 0))
                after = {n: read(os.path.join(folder, "frames", n)) for n in os.listdir(os.path.join(folder, "frames"))}
                if r.returncode == 0:
                    fail(f"sequence: {part}: the export said it succeeded")
                if {n: v for n, v in after.items() if n in before} != before:
                    fail(f"sequence: {part}: frames written before were damaged")
                if set(after) - set(before):
                    fail(f"sequence: {part}: left behind: {sorted(set(after) - set(before))}")
                continue
            if run(kind.command(folder, 0)).returncode != 0:
                fail(f"{name}: the first write failed")
                continue
            before = read(os.path.join(folder, kind.target))
            prepare(folder)
            r = run(kind.command(folder, 1))
            err = r.stderr.decode(errors="replace")
            if r.returncode == 0:
                fail(f"{name}: {part}: the write said it succeeded")
            elif not any(w in err.lower() for w in message_words):
                fail(f"{name}: {part}: the message does not say why: {err.strip()!r}")
            if read(os.path.join(folder, kind.target)) != before:
                fail(f"{name}: {part}: the previous file was not kept intact")
            extra = leftovers(folder, {kind.target, "filler", "lost+found"})
            if extra:
                fail(f"{name}: {part}: left behind: {extra}")
    finally:
        for m in mounts:
            unmount(m)


def part_full():
    faulted("full", fill, ["space", "full"])


def part_readonly():
    def readonly(folder):
        subprocess.run(["mount", "-o", "remount,ro", folder], check=True)
    faulted("readonly", readonly, ["read-only", "read only"])


def part_concurrent():
    for kind in KINDS:
        folder = tempfile.mkdtemp(dir=work, prefix=f"two-{kind.name}-")
        run(kind.command(folder, 0))
        loop = kind.name in ("settings", "story", "autosave")
        ps = [subprocess.Popen(kind.command(folder, v, loop), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
              for v in (1, 2)]
        if loop:
            time.sleep(1.0)
            for p in ps:
                p.send_signal(signal.SIGKILL)
        codes = [p.wait() for p in ps]
        if not loop and codes != [0, 0]:
            fail(f"{kind.name}: two at once: a writer failed: {[p.stderr.read().decode(errors='replace') for p in ps]}")
        if not kind.check(folder):
            fail(f"{kind.name}: two at once: the file is not one whole version")
        if loop:
            run(kind.command(folder, 0))
        extra = leftovers(folder, {kind.target})
        if extra:
            fail(f"{kind.name}: two at once: left behind: {extra}")


try:
    {"kill": part_kill, "full": part_full, "readonly": part_readonly, "concurrent": part_concurrent}[PART]()
finally:
    shutil.rmtree(work, ignore_errors=True)
if failures:
    print(f"{len(failures)} failure(s)")
    sys.exit(1)
print("PASS")
