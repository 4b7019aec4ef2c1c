// The live case feed for the map and the wall: one SignalR connection to /hubs/ops that never gives up,
// a sequence number of the last event seen, and catch-up through /api/events after any gap
// (a reconnect, the browser going offline and back, or a skipped sequence number).

const RETRY_MS = [0, 1000, 2000, 5000, 10000, 15000, 30000];

export class OpsFeed {
    /** `onEvent(message)` gets every event once, in order; `onStatus('live'|'reconnecting'|'offline')` gets the state. */
    constructor({ onEvent, onStatus, startAfter = 0 }) {
        this.onEvent = onEvent;
        this.onStatus = onStatus ?? (() => {});
        this.lastSeq = startAfter;
        this.buffer = [];
        this.catchingUp = false;
        this.stopped = false;
        this.connection = new window.signalR.HubConnectionBuilder()
            .withUrl('/hubs/ops')
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => RETRY_MS[Math.min(ctx.previousRetryCount, RETRY_MS.length - 1)] })
            .build();
        this.connection.on('caseChanged', (m) => this.receive(m));
        this.connection.onreconnecting(() => this.setStatus(navigator.onLine ? 'reconnecting' : 'offline'));
        this.connection.onreconnected(() => { this.setStatus('live'); this.catchUp(); });
        this.connection.onclose(() => { if (!this.stopped && !this.offline) this.restartLater(); });
        // When the browser says the network is gone, drop the connection instead of trusting a dead socket;
        // when it is back, reconnect and fetch what was missed.
        this.onOffline = () => { this.offline = true; this.setStatus('offline'); this.connection.stop(); };
        this.onOnline = () => { this.offline = false; this.setStatus('reconnecting'); this.ensureStarted().then(() => this.catchUp()); };
        window.addEventListener('offline', this.onOffline);
        window.addEventListener('online', this.onOnline);
    }

    async start() {
        await this.ensureStarted();
        await this.catchUp();
    }

    async ensureStarted() {
        if (this.connection.state === 'Connected' || this.connection.state === 'Connecting' || this.connection.state === 'Reconnecting') return;
        try {
            await this.connection.start();
            this.setStatus('live');
        } catch {
            this.setStatus(navigator.onLine ? 'reconnecting' : 'offline');
            this.restartLater();
        }
    }

    restartLater() {
        clearTimeout(this.retryTimer);
        if (this.offline || this.stopped) return;
        this.retryTimer = setTimeout(async () => { await this.ensureStarted(); if (this.connection.state === 'Connected') await this.catchUp(); }, 3000);
    }

    setStatus(status) {
        if (this.status === status) return;
        this.status = status;
        this.onStatus(status);
    }

    receive(message) {
        if (this.catchingUp) { this.buffer.push(message); return; }
        if (message.seq <= this.lastSeq) return;
        if (message.seq > this.lastSeq + 1) { this.buffer.push(message); this.catchUp(); return; }
        this.deliver(message);
    }

    deliver(message) {
        if (message.seq <= this.lastSeq) return;
        this.lastSeq = message.seq;
        try { this.onEvent(message); } catch (e) { console.warn('case event handler failed', e); }
    }

    /** Fetches everything after the last event seen, then what arrived meanwhile, in sequence order. */
    async catchUp() {
        if (this.catchingUp) return;
        this.catchingUp = true;
        try {
            for (;;) {
                const response = await fetch(`/api/events?after=${this.lastSeq}&limit=1000`, { credentials: 'same-origin' });
                if (!response.ok) throw new Error(`events: HTTP ${response.status}`);
                const missed = await response.json();
                missed.forEach((m) => this.deliver(m));
                if (missed.length < 1000) break;
            }
        } catch {
            // Still offline or the server is restarting: try again shortly (and on the next reconnect or 'online').
            clearTimeout(this.catchUpTimer);
            if (!this.stopped) this.catchUpTimer = setTimeout(() => this.catchUp(), 3000);
        } finally {
            this.catchingUp = false;
            // Deliver what arrived meanwhile only where it continues the sequence; a gap waits for the next catch-up.
            const pending = this.buffer.sort((a, b) => a.seq - b.seq);
            this.buffer = [];
            for (const m of pending) {
                if (m.seq <= this.lastSeq) continue;
                if (m.seq === this.lastSeq + 1) this.deliver(m); else this.buffer.push(m);
            }
            if (this.buffer.length > 0 && !this.stopped) {
                clearTimeout(this.catchUpTimer);
                this.catchUpTimer = setTimeout(() => this.catchUp(), 1000);
            }
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
