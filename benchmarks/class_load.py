"""A class on the course page: N real app sessions against `streamlit run app.py`, spoken to over its websocket.

Each session is what a participant's browser does, minus the drawing: it fetches the page (HTTP GET /), opens the
websocket (/_stcore/stream), asks for a run of the course page with the class's link (?side=kurs&kurs=CODE), gives
a name (results are then stored), switches to the procedure tab, gives the four answers of a case and presses
"Sjekk svaret" (one form submit), then writes a need statement and checks it.
The messages are Streamlit's own protobufs (BackMsg/ForwardMsg), so the server does exactly the work a browser
causes: a script run per interaction, widget state, session state, the course material and the results store.

All N sessions open the page at the same moment (a trainer says "open the link now"), then all check their answer
at the same moment: the worst case for a class (--spread S: the checks come at random moments over S seconds). The server is a fresh `streamlit run` with its own state folder;
with --warm, one session opens the page first, as the trainer would before the class (the course material is then
already loaded: st.cache_resource, once per process).

Run: `.venv/bin/python benchmarks/class_load.py [--sessions 20] [--warm] [--spread 10]`. Prints p50/p95/max of the first page
load (GET / plus the first run, until the server says the script finished) and of the case check (submit to
finished), the need check, and the errors. Targets (issue 19): first load < 5 s and a check < 1 s at 20 sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from advisor.config import Settings
from advisor.course import open_results

ROOT = Path(__file__).resolve().parent.parent
PROCEDURE_TAB = "Øvelse: velg prosedyre"
ANSWERS = {  # case-001 (the first case): the model answer, given by its labels as a browser sends them
    "Hvilket regelverk gjelder?": "Anskaffelsesforskriften (vanlige regler etter verdi)",
    "Hvilken del av forskriften gjelder ut fra verdien?": "Del I og III",
    "Er dette en innovativ anskaffelse?": "Ja",
    "Hvilken prosedyre ville du valgt?": "Innovasjonspartnerskap",
}
NEED = "Pleierne må kunne heve og senke sengen trygt på under 10 sekunder, slik at de unngår belastningsskader."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Widgets:
    """What the last run drew that a user can act on: widgets by label, and every text shown."""

    by_label: dict[str, tuple[str, str]] = field(default_factory=dict)  # label -> (kind, widget id)
    fragment_of: dict[str, str] = field(default_factory=dict)  # widget id -> the fragment that drew it
    tabs: str | None = None  # the tab container's widget id
    texts: list[str] = field(default_factory=list)


class AppSession:
    """One browser session without the browser: the websocket and the widget state the browser would keep."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.ws = None
        self.states: dict[str, WidgetState] = {}
        self.widgets = Widgets()

    async def open(self, query: str) -> float:
        """GET / and the first run of the page; seconds until the script finished."""
        import websockets

        started = time.perf_counter()
        await asyncio.to_thread(lambda: urllib.request.urlopen(f"{self.url}/", timeout=60).read())
        ws_url = self.url.replace("http://", "ws://") + "/_stcore/stream"
        self.ws = await websockets.connect(ws_url, subprotocols=["streamlit"], origin=self.url, max_size=2**26,
                                           open_timeout=60, ping_interval=None)
        await self.rerun(query)
        return time.perf_counter() - started

    async def rerun(self, query: str = "side=kurs", triggers: dict[str, WidgetState] | None = None,
                    fragment: str = "") -> float:
        """Send the widget states (plus one-off triggers) and wait for the run to finish; seconds taken.

        Like the browser, a widget drawn inside a fragment asks for a rerun of that fragment only."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.widget_states.widgets.extend([*self.states.values(), *(triggers or {}).values()])
        if fragment:
            msg.rerun_script.fragment_id = fragment
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        if not fragment:
            self.widgets = Widgets()
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), timeout=120)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "delta":
                self._read_delta(fwd.delta)
            elif kind == "script_finished":
                return time.perf_counter() - started

    def _read_delta(self, delta) -> None:
        if delta.WhichOneof("type") == "add_block" and delta.add_block.WhichOneof("type") == "tab_container":
            self.widgets.tabs = delta.add_block.tab_container.id
            self.widgets.fragment_of[self.widgets.tabs] = delta.fragment_id
            return
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        proto = getattr(element, kind)
        if hasattr(proto, "id") and hasattr(proto, "label") and proto.id:
            self.widgets.by_label[proto.label] = (kind, proto.id)
            self.widgets.fragment_of[proto.id] = delta.fragment_id
        for attr in ("body", "label"):
            if isinstance(getattr(proto, attr, None), str):
                self.widgets.texts.append(getattr(proto, attr))

    def set_string(self, label: str, value: str) -> None:
        _, widget_id = self.widgets.by_label[label]
        self.states[widget_id] = WidgetState(id=widget_id, string_value=value)

    def trigger(self, label: str) -> dict[str, WidgetState]:
        _, widget_id = self.widgets.by_label[label]
        return {widget_id: WidgetState(id=widget_id, trigger_value=True)}

    def fragment(self, label: str) -> str:
        """The fragment a widget belongs to ("" = the whole page)."""
        _, widget_id = self.widgets.by_label[label]
        return self.widgets.fragment_of.get(widget_id, "")

    def shows(self, text: str) -> bool:
        return any(text in shown for shown in self.widgets.texts)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


@dataclass
class Timings:
    first_load: list[float] = field(default_factory=list)
    join: list[float] = field(default_factory=list)
    tab_switch: list[float] = field(default_factory=list)
    case_check: list[float] = field(default_factory=list)
    need_check: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def _participant(url: str, query: str, number: int, start: asyncio.Event, check: asyncio.Barrier,
                       timings: Timings, spread_s: float) -> None:
    session = AppSession(url)
    try:
        await start.wait()
        timings.first_load.append(await session.open(query))
        session.set_string("Navn eller kallenavn", f"Deltaker {number}")
        timings.join.append(await session.rerun(query, triggers=session.trigger("Lagre resultatene mine")))
        _, name_id = session.widgets.by_label.get("Navn eller kallenavn", ("", ""))
        session.states.pop(name_id, None)
        if not session.shows(f"Du deltar som **Deltaker {number}**."):
            raise RuntimeError("joining the class failed")
        tab_id = session.widgets.tabs
        in_fragment = session.widgets.fragment_of.get(tab_id, "")
        session.states[tab_id] = WidgetState(id=tab_id, string_value=PROCEDURE_TAB)
        timings.tab_switch.append(await session.rerun(query, fragment=in_fragment))
        for question, answer in ANSWERS.items():
            session.set_string(question, answer)
        await check.wait()  # the whole class is ready; with --spread they press "Sjekk svaret" over that many seconds
        await asyncio.sleep(random.uniform(0, spread_s))
        timings.case_check.append(await session.rerun(query, triggers=session.trigger("Sjekk svaret"),
                                                      fragment=session.fragment("Sjekk svaret")))
        if not session.shows("Riktig på alle spørsmålene."):
            raise RuntimeError("the case check did not say «Riktig»")
        session.states[tab_id] = WidgetState(id=tab_id, string_value="Øvelse: fra løsning til behov")
        await session.rerun(query, fragment=in_fragment)
        _, area = session.widgets.by_label["Skriv en behovsbeskrivelse"]
        session.states[area] = WidgetState(id=area, string_value=NEED)
        timings.need_check.append(await session.rerun(query, triggers=session.trigger("Sjekk svaret"),
                                                      fragment=session.fragment("Sjekk svaret")))
        if not session.shows("oppfyller alle punktene"):
            raise RuntimeError("the need check did not pass a good need statement")
    except Exception as exc:  # noqa: BLE001 - every failure of a session is counted and printed, not raised
        timings.errors.append(f"{type(exc).__name__}: {exc}")
        await check.abort()
    finally:
        await session.close()


async def _class(url: str, query: str, sessions: int, spread_s: float = 0.0) -> tuple[Timings, float]:
    timings = Timings()
    start, check = asyncio.Event(), asyncio.Barrier(sessions)
    tasks = [asyncio.create_task(_participant(url, query, n, start, check, timings, spread_s))
             for n in range(1, sessions + 1)]
    began = time.perf_counter()
    start.set()
    await asyncio.gather(*tasks)
    return timings, time.perf_counter() - began


def _server(home: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "ADVISOR_HOME": str(home), "ADVISOR_INDEX_EMBEDDING_BACKEND": "hash",
           "ADVISOR_LLM_PROVIDER": "extractive", "ADVISOR_CONFIG": str(home / "none.toml"),
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=(home / "streamlit.log").open("w"), stderr=subprocess.STDOUT)


def _wait_healthy(url: str, proc: subprocess.Popen, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer on {url}")


def _line(name: str, values: list[float], target_s: float | None) -> str:
    if not values:
        return f"  {name:12s} no values"
    ordered = sorted(values)
    p95 = ordered[max(0, min(len(ordered) - 1, round(0.95 * (len(ordered) - 1))))]
    verdict = "" if target_s is None else (f"  target < {target_s:g} s: " + ("met" if p95 < target_s else "MISSED"))
    return (f"  {name:12s} n={len(values):3d}  p50 {statistics.median(values):6.2f} s  p95 {p95:6.2f} s  "
            f"max {ordered[-1]:6.2f} s{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="participants opening the page together (default 20)")
    parser.add_argument("--warm", action="store_true", help="one session opens the page first (the trainer)")
    parser.add_argument("--spread", type=float, default=0.0, metavar="S",
                        help="the checks come at random moments over S seconds instead of all at once (default 0)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="class-load-") as tmp:
        home, port = Path(tmp), _free_port()
        url = f"http://127.0.0.1:{port}"
        proc = _server(home, port)
        try:
            _wait_healthy(url, proc)
            code = open_results(Settings(home=home)).create_class("Lastprøve").code
            query = f"side=kurs&kurs={code}"
            if args.warm:
                warm, _ = asyncio.run(_class(url, query, 1))
                print(f"trainer's first visit (loads the course material once): {warm.first_load[0]:.2f} s")
            timings, wall = asyncio.run(_class(url, query, args.sessions, args.spread))
            stored = len(open_results(Settings(home=home)).attempts(code))
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    load = os.getloadavg()
    print(f"{args.sessions} concurrent app sessions on `streamlit run app.py`, {os.cpu_count()} cores, load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}; {'warm' if args.warm else 'cold'} server; checks "
          + (f"spread over {args.spread:g} s" if args.spread else "all at once") + f"; wall {wall:.1f} s")
    print(_line("first load", timings.first_load, 5.0))
    print(_line("join", timings.join, None))
    print(_line("tab switch", timings.tab_switch, None))
    print(_line("case check", timings.case_check, 1.0))
    print(_line("need check", timings.need_check, 1.0))
    print(f"  errors: {len(timings.errors)}; checks stored in the class's results: {stored}")
    for error in timings.errors[:10]:
        print("   ", error)


if __name__ == "__main__":
    main()
