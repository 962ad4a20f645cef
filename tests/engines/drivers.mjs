// The browsers beyond Chromium, behind one small interface the journeys use: Firefox ESR over
// WebDriver BiDi (puppeteer-core), and WebKitGTK's MiniBrowser through WebKitWebDriver
// (selenium-webdriver) under xvfb-run. Elements are found in the page's JS, through shadow
// roots, and then clicked and typed into by the driver, as a visitor's input.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
import { within } from '../e2e/helpers.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Runs in the page: the first shown element of `kind` whose text is `text`, looking through
 * every shadow root. Kinds: `button`, `label` (clicking it checks its input), `field` (the
 * control of the label with that text), `choice` (`text` is "legend|label": the label inside
 * that fieldset), `text` (an element containing the text). */
function query(kind, text) {
  const all = (root, selector) => {
    const found = [...root.querySelectorAll(selector)];
    for (const element of root.querySelectorAll('*')) if (element.shadowRoot) found.push(...all(element.shadowRoot, selector));
    return found;
  };
  const shown = (element) => element.getClientRects().length > 0;
  const named = (selector, within = document) => all(within, selector).filter(shown).find((el) => el.textContent.trim() === text);
  if (kind === 'button' || kind === 'label') return named(kind) ?? null;
  if (kind === 'field') return named('label')?.control ?? null;
  if (kind === 'choice') {
    const [legend, label] = text.split('|');
    const group = all(document, 'fieldset').find((set) => set.querySelector('legend')?.textContent.trim() === legend);
    return group ? [...group.querySelectorAll('label')].find((el) => el.textContent.trim() === label) ?? null : null;
  }
  return all(document, 'h1, h2, h3, p, li, legend, blockquote').filter(shown).find((el) => el.textContent.includes(text)) ?? null;
}

/** What every engine offers the journeys. */
class Engine {
  /** Waits until `check()` (run in Node) is true. */
  async until(check, what, ms = 20_000) {
    const end = Date.now() + ms;
    while (!(await check().catch(() => false))) {
      if (Date.now() > end) throw new Error(`${this.name}: timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  /** The element `query(kind, text)` finds, once it is there. */
  async find(kind, text) {
    let found = null;
    await this.until(async () => (found = await this.element(query, kind, text)) !== null, `${kind} "${text}"`);
    return found;
  }

  /** Does `action` to the element `query(kind, text)` finds; found again when the page
   * replaced it meanwhile (the wasm taking over, a step re-rendered). */
  async act(kind, text, action) {
    for (let attempt = 1; ; attempt += 1) {
      const element = await this.find(kind, text);
      try {
        return await action(element);
      } catch (error) {
        if (attempt === 3 || !/detached|stale|not found/i.test(`${error.name} ${error.message}`)) throw error;
      }
    }
  }

  click(kind, text) {
    return this.act(kind, text, (element) => this.press(element));
  }

  fill(label, text) {
    return this.act('field', label, (element) => this.type(element, text));
  }

  /** Waits until the page's widgets, embeds in shadow roots too, are the wasm's, no longer the
   * first screens: a click as the wasm takes over could land on a button just replaced. An
   * embed near the viewport counts once its wasm runs it (it starts after the page's `load`
   * event); one further down keeps its first screens until it comes near. */
  async settled() {
    await this.until(() => this.run(() => {
      const near = (mount) => {
        const { top, bottom } = mount.getBoundingClientRect();
        return bottom > -300 && top < innerHeight + 300;
      };
      const waiting = [...document.querySelectorAll('[data-alliance-widget-embedded]')]
        .some((mount) => near(mount) && !mount.shadowRoot?.querySelector('.aw-widget:not([data-prerendered])'));
      return document.readyState === 'complete' && !waiting && !document.querySelector('[data-prerendered]');
    }), 'the wasm to take over');
  }

  async see(text) {
    await this.find('text', text);
  }

  /** Ends this browser and starts a new one. */
  async restart() {
    await this.close();
    await this.start();
  }
}

class Firefox extends Engine {
  name = 'Firefox ESR';
  canGoOffline = true;

  async start() {
    this.browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true });
    this.page = await this.browser.newPage();
  }

  goto(url) { return this.page.goto(url); }
  reload() { return this.page.reload(); }
  run(fn, ...args) { return this.page.evaluate(fn, ...args); }
  async element(fn, ...args) {
    const handle = await this.page.evaluateHandle(fn, ...args);
    return handle.asElement();
  }
  press(element) { return element.click(); }
  type(element, text) { return element.type(text); }
  offline(off) { return this.page.setOfflineMode(off); }
  close() { return this.browser.close(); }
}

class WebKit extends Engine {
  name = 'WebKitGTK';
  // WebDriver has no switch for the network.
  canGoOffline = false;

  async start() {
    const port = await freePort();
    this.server = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
    const capabilities = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } };
    const connect = () => new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
    await this.until(async () => (this.driver = await connect()) !== undefined, 'WebKitWebDriver');
  }

  // Each command within half a minute: a web process that hangs leaves WebKitWebDriver's
  // commands unanswered for good, whatever timeouts it was given.
  goto(url) { return within(30_000, `${this.name}: no answer to loading ${url}`, this.driver.get(url)); }
  reload() { return within(30_000, `${this.name}: no answer to a reload`, this.driver.navigate().refresh()); }
  run(fn, ...args) { return within(30_000, `${this.name}: no answer to a script`, this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args)); }
  element(fn, ...args) { return this.run(fn, ...args); }
  press(element) { return element.click(); }
  type(element, text) { return element.sendKeys(text); }
  offline() { throw new Error('WebKitWebDriver cannot switch the network off'); }
  async close() {
    // A browser that hangs does not answer `quit`: its processes are ended regardless.
    await Promise.race([this.driver?.quit().catch(() => {}), new Promise((done) => setTimeout(done, 5_000))]);
    process.kill(-this.server.pid, 'SIGKILL');
  }
}

function freePort() {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The engines to run, all unless ENGINES names some ("firefox", "webkit"). */
export const ENGINES = { firefox: Firefox, webkit: WebKit };
export function chosen() {
  const names = (process.env.ENGINES ?? 'firefox,webkit').split(',').filter((name) => name in ENGINES);
  return names.map((name) => [name, ENGINES[name]]);
}

export async function launch(Kind) {
  const engine = new Kind();
  await engine.start();
  return engine;
}
