// The live case feed for the map and the wall: one SignalR connection to /hubs/ops that never gives up,
// a sequence number of the last event seen, and catch-up through /api/events after any interruption
// (a reconnect, the browser going offline and back). The server pushes in sequence order and only what this
// reader may see, so numbers missing between two pushes are other people's cases, not lost events.

const RETRY_MS = [0, 1000, 2000, 5000, 10000, 15000, 30000];

/**
 * Opens the feed of a page that shows live cases as soon as the page starts, before the map or the Blazor circuit:
 * events are held until the page attaches its handlers (after drawing its snapshot). Returns the feed, or null when
 * the reader may not read events (not signed in).
 */
export async function openEarlyFeed() {
    const response = await fetch('/api/events/latest', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const { seq } = await response.json();
    const feed = new OpsFeed({ startAfter: seq });
    feed.start();
    return feed;
}

export class OpsFeed {
    /**
     * `onEvent(message)` gets every event once, in order (held until `attach` when not given);
     * `onStatus('connecting'|'live'|'reconnecting'|'offline')` gets the state: 'connecting' until the first connection,
     * 'reconnecting' only after one was lost.
     */
    constructor({ onEvent, onStatus, onChange, onPatrol, startAfter = 0 } = {}) {
        this.onEvent = onEvent ?? null;
        this.held = [];
        this.status = 'connecting';
        this.everLive = false;
        this.onStatus = onStatus ?? (() => {});
        this.onChange = onChange ?? (() => {});
        this.onPatrol = onPatrol ?? (() => {});
        this.lastSeq = startAfter;
        this.buffer = [];
        this.catchingUp = false;
        this.stopped = false;
        this.connection = new window.signalR.HubConnectionBuilder()
            .withUrl('/hubs/ops')
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => RETRY_MS[Math.min(ctx.previousRetryCount, RETRY_MS.length - 1)] })
            .build();
        this.connection.on('caseChanged', (m) => this.receive(m));
        // The hub says 'joined' once this connection is in its groups (after the handshake): catching up from then on
        // leaves no gap between the log read and the first push.
        this.connection.on('joined', () => this.catchUp());
        for (const name of ['zoneChanged', 'kioskChanged', 'cityChanged']) {
            this.connection.on(name, (c) => { try { this.onChange(c); } catch (e) { console.warn('change handler failed', e); } });
        }
        // Road directors' tracks: positions as they arrive (no catch-up: a reconnecting map reloads the running tracks).
        for (const name of ['patrolMoved', 'patrolChanged']) {
            this.connection.on(name, (m) => { try { this.onPatrol(name, m); } catch (e) { console.warn('patrol handler failed', e); } });
        }
        this.connection.onreconnecting(() => this.setStatus(navigator.onLine ? 'reconnecting' : 'offline'));
        this.connection.onreconnected(() => this.setStatus('live'));
        this.connection.onclose(() => { if (!this.stopped && !this.offline) this.restartLater(); });
        // When the browser says the network is gone, drop the connection instead of trusting a dead socket;
        // when it is back, reconnect and fetch what was missed.
        this.onOffline = () => { this.offline = true; this.setStatus('offline'); this.connection.stop(); };
        this.onOnline = () => { this.offline = false; this.setStatus(this.everLive ? 'reconnecting' : 'connecting'); this.ensureStarted().then(() => this.catchUp()); };
        window.addEventListener('offline', this.onOffline);
        window.addEventListener('online', this.onOnline);
    }

    /** Connects; the catch-up follows the hub's 'joined'. */
    async start() {
        await this.ensureStarted();
    }

    async ensureStarted() {
        if (this.connection.state === 'Connected' || this.connection.state === 'Connecting' || this.connection.state === 'Reconnecting') return;
        try {
            await this.connection.start();
            this.setStatus('live');
        } catch {
            this.setStatus(!navigator.onLine ? 'offline' : this.everLive ? 'reconnecting' : 'connecting');
            this.restartLater();
        }
    }

    restartLater() {
        clearTimeout(this.retryTimer);
        if (this.offline || this.stopped) return;
        this.retryTimer = setTimeout(async () => { await this.ensureStarted(); if (this.connection.state === 'Connected') await this.catchUp(); }, 3000);
    }

    setStatus(status) {
        if (status === 'live') this.everLive = true;
        if (this.status === status) return;
        this.status = status;
        performance.mark(`cc:feed-${status}`);
        try { this.onStatus(status); } catch (e) { console.warn('status handler failed', e); }
    }

    /** Shows the state now and on every change. */
    watchStatus(onStatus) {
        this.onStatus = onStatus;
        onStatus(this.status);
    }

    /** The page has drawn its snapshot: hands it what was held meanwhile, in order, then every event as it comes. */
    attach({ onEvent, onChange, onPatrol }) {
        if (onChange) this.onChange = onChange;
        if (onPatrol) this.onPatrol = onPatrol;
        this.onEvent = onEvent;
        const held = this.held;
        this.held = [];
        for (const m of held) {
            try { onEvent(m); } catch (e) { console.warn('case event handler failed', e); }
        }
    }

    receive(message) {
        if (this.catchingUp) { this.buffer.push(message); return; }
        this.deliver(message);
    }

    deliver(message) {
        if (message.seq <= this.lastSeq) return;
        this.lastSeq = message.seq;
        if (!this.onEvent) { this.held.push(message); return; }
        try { this.onEvent(message); } catch (e) { console.warn('case event handler failed', e); }
    }

    /** Fetches everything after the last event seen, then what arrived meanwhile, in sequence order. */
    async catchUp() {
        // A catch-up asked for during one (a 'joined' after a reconnect) reads the log again once this one is done.
        if (this.catchingUp) { this.catchUpAgain = true; return; }
        this.catchingUp = true;
        this.catchUpAgain = false;
        try {
            for (;;) {
                const response = await fetch(`/api/events?after=${this.lastSeq}&limit=1000`, { credentials: 'same-origin' });
                if (!response.ok) throw new Error(`events: HTTP ${response.status}`);
                const missed = await response.json();
                missed.forEach((m) => this.deliver(m));
                // The server has handed on everything up to here: what this reader was not shown up to it is not theirs.
                const upTo = Number(response.headers.get('X-Events-Up-To'));
                if (missed.length < 1000 && upTo > this.lastSeq) this.lastSeq = upTo;
                if (missed.length < 1000) break;
            }
        } catch {
            // Still offline or the server is restarting: try again shortly (and on the next reconnect or 'online').
            clearTimeout(this.catchUpTimer);
            if (!this.stopped) this.catchUpTimer = setTimeout(() => this.catchUp(), 3000);
        } finally {
            this.catchingUp = false;
            // What arrived while catching up follows, in order; what the catch-up already gave is skipped.
            const pending = this.buffer.sort((a, b) => a.seq - b.seq);
            this.buffer = [];
            pending.forEach((m) => this.deliver(m));
            if (this.catchUpAgain && !this.stopped) this.catchUp();
        }
    }

    async stop() {
        this.stopped = true;
        clearTimeout(this.retryTimer);
        clearTimeout(this.catchUpTimer);
        window.removeEventListener('offline', this.onOffline);
        window.removeEventListener('online', this.onOnline);
        await this.connection.stop();
    }
}
