import type { Locator } from "playwright-core";
import { fieldErrorSelector } from "../browser/watchedSelectors.ts";
import { assessItemPrices, assessMoneyReading } from "../checks/moneyCheck.ts";
import { parseMoney } from "../checks/parseMoney.ts";
import { predictInvitations } from "../checks/predictInvitations.ts";
import type { StoreProfile } from "../profiles/loadProfile.ts";
import type { ProfileLines, ProfileStep } from "../profiles/profileSchema.ts";
import { errorText } from "../results/describeFailure.ts";
import type { AddedItem, FormAttempt, MoneyReading, PersonaObservations, StepFailure } from "./observations.ts";
import { PersonaNavigator } from "./PersonaNavigator.ts";
import { type PersonaSession, StepError } from "./PersonaSession.ts";
import { readMoney } from "./readMoney.ts";

/**
 * Drives one persona through the store as its spec says: sign in, browse, add items, the cart,
 * every checkout step (idle pauses, deliberate form errors and their fixes), and either the order
 * confirmation or leaving (linger, exit intent). Invitations are answered as the spec says. Reads
 * the money on every page and screenshots each failure as it happens. Never throws: a step that
 * cannot be completed ends the run with `failure` set.
 */
export async function runPersona(session: PersonaSession): Promise<PersonaObservations> {
  const started = performance.now();
  const navigator = new PersonaNavigator(session);
  const flow = new ShoppingFlow(session, navigator);
  navigator.beforeAnswer = () => flow.shootDisagreement();
  let failure: StepFailure | null = null;
  let outcome: PersonaObservations["outcome"] = "stopped";
  try {
    outcome = await flow.run();
  } catch (error) {
    const step = error instanceof StepError ? error.step : session.step;
    const reason = error instanceof StepError ? error.message : `${step}: ${errorText(error)}`;
    failure = { step, reason, attempts: navigator.lastAttempts, screenshot: await session.screenshot(step) };
  }
  if (navigator.inChat) await navigator.endChat();
  navigator.dispose();
  return { ...flow.observations(), outcome, failure, wallSeconds: (performance.now() - started) / 1000 };
}

class ShoppingFlow {
  readonly items: AddedItem[] = [];
  readonly money: MoneyReading[] = [];
  readonly forms: FormAttempt[] = [];
  orderId: string | null = null;
  readonly #session: PersonaSession;
  readonly #profile: StoreProfile;
  readonly #nav: PersonaNavigator;
  #paused = new Set<string>();
  #disagreements = 0;

  constructor(session: PersonaSession, navigator: PersonaNavigator) {
    this.#session = session;
    this.#profile = session.profile;
    this.#nav = navigator;
  }

  /** What the persona has seen so far. */
  observations(): PersonaObservations {
    const session = this.#session;
    return {
      spec: session.spec,
      outcome: "stopped",
      failure: null,
      visits: this.#nav.visits,
      items: this.items,
      money: this.money,
      forms: this.forms,
      problems: session.problems,
      blocked: session.blocked,
      events: [...session.events],
      actions: session.actions,
      queue: session.queue,
      offered: session.offered,
      chatProblems: session.chatProblems,
      layout: this.#nav.layout,
      orderId: this.orderId,
      wallSeconds: 0,
      shots: session.shots,
      shotIndex: this.#nav.shotIndex,
    };
  }

  /**
   * Screenshots the page when the policy check disagrees with what the store just did (an
   * invitation on screen it forbids, or none where it requires one): the moment the chat check
   * will report. Predicting on the visit so far is cheap; screenshots are not.
   */
  async shootDisagreement(): Promise<void> {
    const session = this.#session;
    if (session.policy === null) return;
    const windows = predictInvitations(
      this.observations(),
      session.policy,
      this.#profile.rules,
      session.toleranceSeconds,
      this.#profile.checkout.steps.map((step) => step.name),
    );
    const disagreements = windows.filter((window) => !window.agree).length;
    if (disagreements > this.#disagreements) await session.screenshot(session.step);
    this.#disagreements = Math.max(this.#disagreements, disagreements);
  }

  async run(): Promise<PersonaObservations["outcome"]> {
    const { spec } = this.#session;
    const profile = this.#profile;
    const page = this.#session.page;
    if (profile.login) await this.#login();
    if (profile.cart.reset) await this.#emptyBasket(profile.cart.reset);
    await this.#goToCatalog();
    await this.#maybePause("browse");

    for (const pick of spec.browsePicks) {
      if (profile.catalog.link === undefined) break;
      await this.#openProduct(pick);
      await this.#maybePause("product");
      await this.#goToCatalog();
    }

    let subtotal = 0;
    let onCart = false;
    for (const [index, item] of spec.items.entries()) {
      if (index > 0 && subtotal >= spec.targetCartValue) break;
      if (index > 0) await this.#goToCatalog();
      const added = await this.#addItem(item.pick, item.quantity);
      if (added === null) break;
      subtotal += (added.unitPrice ?? 0) * added.quantity;
      onCart = this.#nav.visits.at(-1)?.step === "cart";
    }
    if (this.items.length === 0)
      throw new StepError("browse", "browse: nothing could be added to the cart (every product is unavailable or already in it)", false);
    const itemProblems = assessItemPrices(this.items, profile.rules);
    if (itemProblems.length > 0) await this.#nav.shot("money:items", "product");

    if (!onCart) await this.#nav.arrive("cart", profile.cart.marker, () => page.goto(profile.cart.url), profile.cart.url);
    await this.#readMoney("cart", profile.cart.lines, null);
    if (await this.#leaveIfDue("cart")) return "left";
    await this.#maybePause("cart");

    const steps = profile.checkout.steps;
    await this.#nav.arrive(steps[0].name, steps[0].marker, () => this.#nav.click(profile.cart.checkout), null);
    for (const [index, step] of steps.entries()) {
      const next = steps[index + 1] ?? null;
      await this.#readMoney(step.name, profile.totals.lines ?? null, null);
      if (await this.#leaveIfDue(step.name)) return "left";
      await this.#maybePause(step.name);
      await this.#submitStep(step, next);
    }
    await this.#readMoney("confirmation", profile.confirmation.lines ?? profile.totals.lines ?? null, profile.confirmation.total ?? null);
    if (profile.confirmation.orderId) this.orderId = (await this.#nav.textOf(profile.confirmation.orderId)) ?? null;
    if (profile.confirmation.orderIdInUrl) this.orderId ??= new RegExp(profile.confirmation.orderIdInUrl).exec(page.url())?.[1] ?? null;
    return "finished";
  }

  /** Opens the catalog page (retried from its own URL). */
  async #goToCatalog(): Promise<void> {
    const catalog = this.#profile.catalog;
    await this.#nav.arrive("browse", catalog.product, () => this.#session.page.goto(catalog.url), catalog.url);
  }

  /**
   * Signs in (or signs up: a field value with {persona}). A refusal shown in `login.error` fails at
   * once, quoting the store's message, instead of waiting for the success marker.
   */
  async #login(): Promise<void> {
    const login = this.#profile.login!;
    const page = this.#session.page;
    await this.#nav.arrive("login", login.fields[0].selector, () => page.goto(login.url), login.url);
    await this.#nav.fill("login", login.fields, new Map());
    const refused = login.error;
    // Either answer ends the wait: signed in, or the store's refusal (quoted, not a timeout).
    await this.#nav.arrive("login", refused === undefined ? login.success : `${login.success}, ${refused}`, () => this.#nav.click(login.submit), null);
    if (refused !== undefined && !(await this.#nav.isVisible(login.success)) && (await this.#nav.isVisible(refused))) {
      throw new StepError("login", `login refused: the store says ${JSON.stringify((await this.#nav.textOf(refused)) ?? "")}`, false);
    }
  }

  /** Empties a basket the store keeps per account (left by an earlier persona of the same account). */
  async #emptyBasket(remove: string): Promise<void> {
    const cart = this.#profile.cart;
    const page = this.#session.page;
    await this.#nav.arrive("cart", "body", () => page.goto(cart.url), cart.url);
    await this.#session.settle();
    for (let removed = 0; removed < 50 && (await this.#nav.isVisible(remove)); removed++) {
      await this.#nav.click(remove);
      await this.#session.settle();
    }
  }

  /**
   * Opens a product's page from the list. The page must show the product clicked (names compared
   * loosely: one contains the other, case and spacing aside); a different one is a funnel problem,
   * and the persona goes on with the product it was shown.
   */
  async #openProduct(pick: number, forCart = false): Promise<Chosen | null> {
    const profile = this.#profile;
    const chosen = await this.#choose(pick, forCart);
    if (chosen === null) return null;
    const link = chosen.product.locator(profile.catalog.link!).first();
    await this.#nav.arrive("product", profile.product!.marker, () => this.#nav.clickLocator(link, `${profile.catalog.product} ${profile.catalog.link}`), null);
    const nameSelector = profile.product!.name;
    const shown = nameSelector ? normalizeName((await this.#nav.textOf(nameSelector)) ?? "") : null;
    if (
      shown !== null &&
      chosen.name !== "" &&
      !shown.toLowerCase().includes(chosen.name.toLowerCase()) &&
      !chosen.name.toLowerCase().includes(shown.toLowerCase())
    ) {
      this.#session.problems.push({
        step: "product",
        kind: "content",
        text: `clicked ${JSON.stringify(chosen.name)} on the list, but the product page shows ${JSON.stringify(shown)}`,
      });
      await this.#nav.shot("funnel:content", "product");
      // What the shopper can buy now is the product shown: its list entry (and price) are another's.
      return { ...chosen, key: shown, name: shown, listPriceText: null };
    }
    return chosen;
  }

  /**
   * The product at `pick` of the list; for the cart (`forCart`), skipping products marked
   * unavailable and those the cart holds the most of already (`maxQuantity`: one per product
   * stores), the next one along instead. Null when none is left.
   */
  async #choose(pick: number, forCart = false): Promise<Chosen | null> {
    const catalog = this.#profile.catalog;
    const products = this.#session.page.locator(catalog.product);
    await this.#session.settle();
    const count = await products.count();
    if (count === 0) throw new StepError("browse", `browse: no products (${catalog.product} matches nothing)`, false);
    const start = Math.min(count - 1, Math.floor(pick * count));
    for (let offset = 0; offset < count; offset++) {
      const product = products.nth((start + offset) % count);
      const name = normalizeName(
        (await (catalog.name ? product.locator(catalog.name).first() : product).textContent({ timeout: this.#nav.selectorMs() })) ?? "",
      );
      const id = catalog.idAttribute ? await product.getAttribute(catalog.idAttribute, { timeout: this.#nav.selectorMs() }) : null;
      const key = id ?? name;
      if (forCart && catalog.unavailable !== undefined) {
        const unavailable = await product.evaluate(
          (element, selector) => element.matches(selector) || element.querySelector(selector) !== null,
          catalog.unavailable,
        );
        if (unavailable) continue;
      }
      const held = this.items.filter((item) => item.key === key).reduce((sum, item) => sum + item.quantity, 0);
      if (forCart && catalog.maxQuantity !== undefined && held >= catalog.maxQuantity) continue;
      const listPriceText =
        normalizeName(
          (await product
            .locator(catalog.price)
            .first()
            .textContent({ timeout: this.#nav.selectorMs() })
            .catch(() => null)) ?? "",
        ) || null;
      return { product, key, name, listPriceText };
    }
    return null;
  }

  async #addItem(pick: number, wantedQuantity: number): Promise<AddedItem | null> {
    const profile = this.#profile;
    const page = this.#session.page;
    const quantity = Math.min(wantedQuantity, profile.catalog.maxQuantity ?? wantedQuantity);
    let item: AddedItem;
    if (profile.catalog.link !== undefined) {
      const chosen = await this.#openProduct(pick, true);
      if (chosen === null) return null;
      const { key, name, listPriceText } = chosen;
      await this.#maybePause("product");
      const product = profile.product!;
      const priceText = await this.#nav.textOf(product.price);
      item = { key, name, unitPrice: priceText === null ? null : this.#parse(priceText), unitPriceText: priceText, listPriceText, quantity, addedAt: null };
      if (quantity > 1) {
        if (!product.quantity) item.quantity = 1;
        else await page.locator(product.quantity).first().fill(String(quantity));
      }
      const add = async () => {
        item.addedAt = await this.#session.now();
        await this.#nav.click(product.addToCart);
      };
      if (product.added) {
        item.addedAt = await this.#session.now();
        // The confirmation must be a new one (or a count that changed): a leftover from the last add is not this one's.
        await this.#nav.markSeen(product.added);
        await this.#nav.clickLocator(this.#session.page.locator(product.addToCart).first(), product.addToCart, true);
        await this.#nav.waitForNew("product", product.added);
      } else await this.#nav.arrive("cart", profile.cart.marker, add, null);
    } else {
      const chosen = await this.#choose(pick, true);
      if (chosen === null) return null;
      const { product, key, name, listPriceText } = chosen;
      const priceText = listPriceText ?? "";
      item = { key, name, unitPrice: this.#parse(priceText), unitPriceText: priceText, listPriceText: null, quantity: 1, addedAt: await this.#session.now() };
      const button = product.locator(profile.catalog.addToCart!).first();
      for (let unit = 0; unit < quantity; unit++) {
        const description = `${profile.catalog.product} ${profile.catalog.addToCart}`;
        if (profile.catalog.added) {
          await this.#nav.markSeen(profile.catalog.added);
          await this.#nav.clickLocator(button, description, true);
          await this.#nav.waitForNew("browse", profile.catalog.added);
        } else {
          await this.#nav.arrive("cart", profile.cart.marker, () => this.#nav.clickLocator(button, description), null);
          break;
        }
        item.quantity = unit + 1;
      }
    }
    this.items.push(item);
    return item;
  }

  async #submitStep(step: ProfileStep, next: ProfileStep | null, withErrors = true): Promise<void> {
    const profile = this.#profile;
    const spec = this.#session.spec;
    const nextMarker = next?.marker ?? profile.confirmation.marker;
    const nextStep = next?.name ?? "confirmation";
    const errors = new Map(withErrors ? spec.formErrors.filter((error) => error.step === step.name).map((error) => [error.field, error.value]) : []);
    const stepUrl = this.#session.page.url();
    if (withErrors) await this.#nav.runActions(step.name, step.actions);
    if (errors.size > 0) {
      const errorSelectors = [step.error, ...step.fields.filter((field) => errors.has(field.name)).map((field) => fieldErrorSelector(step, field))].filter(
        (selector): selector is string => selector !== undefined,
      );
      let startedAt = performance.now();
      let before = await this.#session.probe();
      let disabled = false;
      await this.#nav.retrying(
        async () => {
          await this.#nav.fill(step.name, step.fields, errors);
          disabled = await this.#rejectedByDisabledSubmit(step, errors);
          if (disabled) return;
          await this.#nav.beforeAction();
          startedAt = performance.now();
          before = await this.#session.probe();
          await this.#nav.click(step.continue);
        },
        async () => {
          await this.#session.page.goto(stepUrl);
          await this.#nav.waitVisible(step.name, step.marker);
        },
      );
      const docBefore = before?.doc ?? null;
      if (disabled) return this.#submitStep(step, next, false);
      await this.#session.waitForVisible([...errorSelectors, nextMarker], this.#nav.navigationMs()).catch(() => {});
      const advanced = await this.#nav.isVisible(nextMarker);
      const shown = await this.#nav.firstVisible(errorSelectors);
      const attempt: FormAttempt = {
        step: step.name,
        fields: [...errors].map(([field, value]) => ({ field, value })),
        errorShown: shown !== null,
        errorText: shown === null ? null : ((await this.#nav.textOf(shown)) ?? "").slice(0, 200),
        advanced,
        seconds: (performance.now() - startedAt) / 1000,
        submittedAt: before?.now ?? null,
      };
      this.forms.push(attempt);
      if (!attempt.errorShown || attempt.advanced) await this.#nav.shot(`form:${this.forms.length - 1}`, step.name);
      if (advanced) {
        await this.#nav.recordArrival(nextStep, docBefore);
        return;
      }
      // The rejected form (a new page when the store re-renders it) is another view of the step.
      await this.#nav.recordArrival(step.name, docBefore);
    }
    await this.#nav.fill(step.name, step.fields, new Map());
    await this.#nav.arrive(nextStep, nextMarker, () => this.#nav.click(step.continue), null, stepUrl, step);
  }

  /**
   * Stores that disable their submit button while an entry is invalid reject it without a message:
   * with the wrong entries typed, a disabled button is the rejection (the form check passes it);
   * an enabled one is clicked as usual. True (and the attempt recorded) when the button was disabled.
   */
  async #rejectedByDisabledSubmit(step: ProfileStep, errors: ReadonlyMap<string, string>): Promise<boolean> {
    const page = this.#session.page;
    const button = page.locator(step.continue).first();
    const disabled = await button.isDisabled({ timeout: this.#nav.selectorMs() }).catch(() => false);
    if (!disabled) return false;
    const submittedAt = await this.#session.now();
    this.forms.push({
      step: step.name,
      fields: [...errors].map(([field, value]) => ({ field, value })),
      errorShown: true,
      errorText: `${step.continue} stays disabled`,
      advanced: false,
      seconds: 0,
      submittedAt,
    });
    return true;
  }

  async #readMoney(step: string, lines: ProfileLines | null, totalOverride: string | null): Promise<void> {
    // Money is read once the page's data have arrived (no request in flight), not when its frame shows.
    await this.#session.settle();
    const reading = await readMoney(
      this.#session.page,
      step,
      this.#profile,
      lines,
      totalOverride,
      (name) => this.#keyForName(name),
      (id) => this.items.some((item) => item.key === id),
    );
    if (reading === null) return;
    this.money.push(reading);
    if (assessMoneyReading(reading, this.items, this.#profile.rules).length > 0) await this.#nav.shot(`money:${this.money.length - 1}`, step);
  }

  /** Items added by name are keyed by name; a line that shows the name finds its item. */
  #keyForName(name: string): string {
    const item = this.items.find((candidate) => candidate.name !== "" && name.includes(candidate.name));
    return item?.key ?? name.replace(/\s+/g, " ").trim();
  }

  async #maybePause(step: string): Promise<void> {
    const pause = this.#session.spec.pauses.find((candidate) => candidate.step === step);
    if (pause === undefined || this.#paused.has(step)) return;
    this.#paused.add(step);
    await this.#idle(pause.seconds);
  }

  async #idle(seconds: number): Promise<void> {
    const session = this.#session;
    await session.readQueue();
    await session.mark("idleStart");
    await session.idle(seconds, () => this.#nav.answerInvitation());
    await session.mark("idleEnd");
    await this.shootDisagreement();
  }

  async #leaveIfDue(step: string): Promise<boolean> {
    const leave = this.#session.spec.leave;
    if (leave === null || leave.step !== step) return false;
    await this.#idle(leave.lingerSeconds);
    if (leave.exitIntent) {
      await this.#session.readQueue();
      await this.#session.exitIntent(this.#session.spec.device === "desktop" ? "mouse" : "back", () => this.#nav.answerInvitation());
      await this.#session.mark("idleEnd");
      await this.shootDisagreement();
    }
    return true;
  }

  #parse(text: string): number | null {
    return parseMoney(text, this.#profile.rules.decimalSeparator, this.#profile.totals.free);
  }
}

/** A product picked from the list: where it is, its key and name, and the price the list showed. */
interface Chosen {
  product: Locator;
  key: string;
  name: string;
  listPriceText: string | null;
}

function normalizeName(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 80);
}
