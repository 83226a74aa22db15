/**
 * The demo site (`/demo/` on the playground): what a frontend built on the typed client looks
 * like. A visitor picks a persona and a stage, sees that stage's content as cards, opens a post or
 * landing page by slug, and follows the "next step" CTAs to the next stage's content.
 *
 * State lives in the URL hash, so every view is a link: `#/?persona=b2b-buyer&stage=awareness`,
 * `#/blog/<slug>`, `#/page/<slug>` (each with `locale`). No framework: plain DOM, text set with
 * textContent only (content is never parsed as HTML).
 *
 * Every card and page shown is tracked as a `view`, every CTA followed as a `click` on it, through
 * the client's tracker (`journey.track`): batched, sent on page hide, and not at all when the
 * browser says Do Not Track or Global Privacy Control. The admin's Performance view reads them.
 *
 * Forms (cards of type `form`, and the decision-stage pages, which offer the stage's form) are
 * rendered from their field definitions and sent with `journey.submit`: the server checks the
 * values, and its messages are shown next to their inputs. The server counts each submission as
 * a conversion of the form and of the page it was sent from, so the demo tracks none itself.
 *
 * `#/preview?grant=...` is where the Content Manager's "Open preview" lands (playground/src/preview.ts):
 * the page reads the granted draft through the playground's preview route, shows it under a banner,
 * tracks nothing and offers no form (an editor's look is not a visitor's view or conversion), and
 * reloads when the admin says the entry was saved (Strapi's `strapiUpdate` message).
 */
import {
  createJourneyClient,
  JourneyApiError,
  JourneyFormError,
  type BlogPost,
  type Form,
  type LandingPage,
  type ShippedTypeName,
  type SluggedTypeName,
  type StrapiError,
  type StrapiMedia,
  type SubmissionContext,
} from '../../shared/client';
import type { ContentItem, StageResponseItem, SubmissionValue } from '../../shared/contracts';
import type { FormFieldDefinition } from '../../shared/form-fields';

const journey = createJourneyClient({ baseUrl: window.location.origin });

const view = document.getElementById('view') as HTMLElement;
const personaPicker = document.getElementById('persona') as HTMLSelectElement;
const stagePicker = document.getElementById('stage') as HTMLSelectElement;
const localePicker = document.getElementById('locale') as HTMLSelectElement;

let stages: StageResponseItem[] = [];

interface Route {
  page: 'list' | 'blog' | 'page' | 'preview';
  slug: string;
  /** The signed preview grant (`#/preview?grant=...`). */
  grant: string;
  persona: string;
  stage: string;
  locale: string;
}

const readRoute = (): Route => {
  const [path, search = ''] = window.location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const [, page, slug = ''] = (path || '/').split('/');
  return {
    page: page === 'blog' || page === 'page' || page === 'preview' ? page : 'list',
    slug: decodeURIComponent(slug),
    grant: params.get('grant') ?? '',
    persona: params.get('persona') ?? '',
    stage: params.get('stage') ?? stages[0]?.key ?? '',
    locale: params.get('locale') ?? 'en',
  };
};

const href = (route: Partial<Route>) => {
  const current = readRoute();
  const next = { ...current, page: 'list', slug: '', grant: '', ...route };
  const params = new URLSearchParams();
  if (next.persona) params.set('persona', next.persona);
  if (next.stage) params.set('stage', next.stage);
  params.set('locale', next.locale);
  const path = next.page === 'list' ? '/' : `/${next.page}/${encodeURIComponent(next.slug)}`;
  return `#${path}?${params.toString()}`;
};

/** Creates an element with text (never HTML) and attributes. */
const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

const imageOf = (media: StrapiMedia | null | undefined, alt: string) => {
  if (!media?.url) return el('div', { class: 'placeholder', 'aria-hidden': 'true' });
  const src = media.formats?.small?.url ?? media.url;
  return el('img', { src, alt: media.alternativeText ?? alt, loading: 'lazy' });
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const titleOf = (item: ContentItem) => text(item.title) || text(item.label) || text(item.name);
const stageLabel = (key: string | null) => stages.find((s) => s.key === key)?.label ?? key ?? '';

/** Where a card leads: a post or landing page by slug; other kinds are shown, not linked. */
const linkOf = (item: ContentItem): string | null => {
  const slug = text(item.slug);
  if (!slug) return null;
  if (item.type === 'blog-post') return href({ page: 'blog', slug });
  if (item.type === 'landing-page') return href({ page: 'page', slug });
  return null;
};

const card = (item: ContentItem, extra: Node | string = '') => {
  const title = titleOf(item);
  const link = linkOf(item);
  const heading = el('h3', {}, link ? el('a', { href: link }, title) : title);
  const excerpt = text(item.excerpt) || text(item.headline) || text(item.description);
  const media = (item.cover ?? item.hero) as StrapiMedia | null | undefined;
  return el(
    'li',
    { class: 'card', 'data-testid': 'content-card', 'data-type': String(item.type) },
    imageOf(media, title),
    el(
      'div',
      { class: 'text' },
      el('span', { class: 'kind' }, String(item.type).replace('-', ' ')),
      heading,
      el('p', {}, excerpt),
      extra
    )
  );
};

/* ---------------------------------------------------------------------------------------------
 * Forms: rendered from the field definitions, sent with journey.submit.
 * ------------------------------------------------------------------------------------------- */

/** The honeypot the server checks (forms.honeypot, default `website`): people never see it. */
const HONEYPOT = 'website';

/** One input for a field definition. */
const inputFor = (field: FormFieldDefinition, id: string): HTMLElement => {
  const common: Record<string, string> = { id, name: field.name };
  if (field.required) common['aria-required'] = 'true';
  switch (field.type) {
    case 'select':
      return el(
        'select',
        common,
        el('option', { value: '' }, 'Choose…'),
        ...(field.options ?? []).map((option) =>
          el('option', { value: option.value }, option.label)
        )
      );
    case 'textarea':
      return el('textarea', { ...common, rows: '4' });
    case 'checkbox':
      return el('input', { ...common, type: 'checkbox', value: 'true' });
    case 'number': {
      const limits: Record<string, string> = {};
      if (field.min !== undefined) limits.min = String(field.min);
      if (field.max !== undefined) limits.max = String(field.max);
      return el('input', { ...common, ...limits, type: 'number', inputmode: 'decimal' });
    }
    default: {
      const autocomplete = field.type === 'email' ? 'email' : field.type === 'tel' ? 'tel' : 'on';
      return el('input', { ...common, type: field.type, autocomplete });
    }
  }
};

/** A field's value as the server takes it: text, a number, true/false, or null when left empty. */
const valueOf = (field: FormFieldDefinition, input: HTMLElement): SubmissionValue => {
  if (field.type === 'checkbox') return (input as HTMLInputElement).checked;
  const raw = (input as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value.trim();
  if (raw === '') return null;
  if (field.type === 'number') return Number.isFinite(Number(raw)) ? Number(raw) : raw;
  return raw;
};

/**
 * A form rendered from its field definitions. `novalidate`: the server's checks are the ones that
 * count, and its messages (in the form's language) are shown next to each input.
 */
const formView = (form: Form, context: SubmissionContext) => {
  const prefix = `form-${form.documentId}`;
  const node = el('form', {
    class: 'journey-form',
    novalidate: '',
    'data-testid': 'journey-form',
    'data-form': form.documentId,
    'aria-label': form.name,
  });
  const summary = el('p', { class: 'form-error', role: 'alert', 'data-testid': 'form-error' });
  summary.hidden = true;
  const rows = form.fields.map((field) => {
    const id = `${prefix}-${field.name}`;
    const input = inputFor(field, id);
    const error = el('p', {
      class: 'field-error',
      id: `${id}-error`,
      'data-testid': 'field-error',
      'data-field': field.name,
    });
    error.hidden = true;
    const label = el('label', { for: id }, field.label, field.required ? ' *' : '');
    const row =
      field.type === 'checkbox'
        ? el('div', { class: 'field checkbox' }, input, label, error)
        : el('div', { class: 'field' }, label, input, error);
    return { field, input, error, row };
  });
  // Visually hidden and out of the tab order; autocomplete off so no browser fills it in.
  const honeypot = el('input', {
    id: `${prefix}-${HONEYPOT}`,
    name: HONEYPOT,
    type: 'text',
    tabindex: '-1',
    autocomplete: 'off',
  });
  const trap = el(
    'div',
    { class: 'visually-hidden', 'aria-hidden': 'true' },
    el('label', { for: honeypot.id }, 'Website (leave empty)'),
    honeypot
  );
  const button = el('button', { type: 'submit', class: 'cta' }, form.submitLabel || 'Send');
  node.append(summary, ...rows.map((r) => r.row), trap, button);

  const showErrors = (fieldErrors: Record<string, string>) => {
    for (const { field, input, error } of rows) {
      const message = Object.prototype.hasOwnProperty.call(fieldErrors, field.name)
        ? fieldErrors[field.name]
        : undefined;
      error.textContent = message ?? '';
      error.hidden = message === undefined;
      if (message === undefined) {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      } else {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      }
    }
    rows.find(({ field }) => fieldErrors[field.name] !== undefined)?.input.focus();
  };

  node.addEventListener('submit', (event) => {
    event.preventDefault();
    const data: Record<string, SubmissionValue> = {};
    for (const { field, input } of rows) data[field.name] = valueOf(field, input);
    if (honeypot.value !== '') data[HONEYPOT] = honeypot.value;
    button.disabled = true;
    summary.hidden = true;
    journey
      .submit(form.documentId, data, context)
      .then(() => {
        node.replaceWith(
          el(
            'p',
            { class: 'form-thanks', role: 'status', 'data-testid': 'form-thanks' },
            'Thank you! We received your message and will get back to you soon.'
          )
        );
      })
      .catch((error: unknown) => {
        button.disabled = false;
        if (error instanceof JourneyFormError) {
          showErrors(error.fieldErrors);
          const known = new Set(form.fields.map((field) => field.name));
          const others = Object.entries(error.fieldErrors).filter(([name]) => !known.has(name));
          if (others.length === 0) return;
          summary.textContent = others.map(([name, message]) => `${name}: ${message}`).join(' ');
        } else {
          showErrors({});
          summary.textContent =
            error instanceof JourneyApiError
              ? error.status === 429
                ? 'Too many attempts. Please wait a minute and try again.'
                : `Sorry, the form could not be sent (${error.status} ${error.message}).`
              : 'Sorry, the form could not be sent. Check your connection and try again.';
        }
        summary.hidden = false;
      });
  });
  return node;
};

/** The form entry (with its field definitions) in the route's locale, rendered. */
const loadForm = async (documentId: string, route: Route, context: SubmissionContext) => {
  const { data: form } = await journey.entry('form', documentId, { locale: route.locale });
  return formView(form, {
    ...context,
    locale: route.locale,
    persona: route.persona || undefined,
  });
};

const errorView = (error: unknown) => {
  const message =
    error instanceof JourneyApiError
      ? `${error.status} ${error.errorName}: ${error.message}`
      : String(error);
  return el('p', { class: 'error', 'data-testid': 'error' }, message);
};

/**
 * Fills the view if the render that calls it is still the newest, and says whether it did. Picking
 * a persona and then a stage starts two renders, and the first one's answers can arrive last (its
 * stage may have a form to load): without this the page would end on the stage the visitor left,
 * and count views of cards nobody saw.
 */
type Show = (...nodes: (Node | string)[]) => boolean;
let latestRender = 0;
/** Renders under way, the superseded ones included: the view is busy until all have ended. */
let rendersInFlight = 0;

const renderList = async (route: Route, show: Show) => {
  const query = {
    stage: route.stage,
    persona: route.persona || undefined,
    locale: route.locale,
  };
  // Cards (what the visitor reads) and CTAs (where the next step leads) are asked for apart, so the
  // heading counts what the list shows. The demo knows its content model: the shipped kinds and
  // the playground's article type.
  const [content, ctaContent, next] = await Promise.all([
    // Images for the cards; each name applies to the types that have it.
    journey.content({
      ...query,
      type: 'blog-post,landing-page,article,form',
      pageSize: 24,
      populate: { cover: true, hero: true },
    }),
    journey.content({ ...query, type: 'cta', pageSize: 10, populate: { landingPage: true } }),
    journey.nextContent({ ...query, pageSize: 1 }),
  ]);
  const ctas = ctaContent.data;
  const cards = content.data;
  // A form shown as a card can be filled in right there.
  const forms = await Promise.all(
    cards.map((item) =>
      item.type === 'form'
        ? loadForm(item.documentId, route, { stage: route.stage || undefined })
        : Promise.resolve('')
    )
  );

  const heading = el(
    'h2',
    { 'data-testid': 'stage-heading' },
    `${stageLabel(route.stage)}: ${content.meta.pagination.total} ${content.meta.pagination.total === 1 ? 'item' : 'items'}`
  );
  const list =
    cards.length > 0
      ? el(
          'ul',
          { class: 'cards', 'data-testid': 'cards' },
          ...cards.map((item, index) => card(item, forms[index]))
        )
      : el('p', { 'data-testid': 'empty' }, 'Nothing here yet for this persona and stage.');

  // A CTA moves the visitor one stage on: it leads to the next stage's content (or to the
  // landing page it points at, when the CTA has one).
  const nextStage = next.meta.stage;
  const panel = el('section', { class: 'next-step', 'data-testid': 'next-step' });
  if (nextStage === null) {
    panel.append(el('h2', {}, 'The end of the journey'), 'Thank you for coming along.');
  } else {
    panel.append(el('h2', {}, `Next step: ${stageLabel(nextStage)}`));
    const nextHref = href({ stage: nextStage });
    const buttons = ctas.map((cta) => {
      const landingPage = cta.landingPage as { slug?: string } | null | undefined;
      const target = landingPage?.slug ? href({ page: 'page', slug: landingPage.slug }) : nextHref;
      const style = cta.style === 'secondary' ? 'secondary' : 'primary';
      const button = el(
        'a',
        { class: `cta ${style}`, href: target, 'data-testid': 'next-step-cta' },
        titleOf(cta)
      );
      button.addEventListener('click', () => journey.trackClick(cta, cta.documentId));
      return button;
    });
    if (buttons.length === 0) {
      buttons.push(
        el(
          'a',
          { class: 'cta', href: nextHref, 'data-testid': 'next-step-cta' },
          `Continue to ${stageLabel(nextStage)}`
        )
      );
    }
    panel.append(...buttons);
  }
  if (show(heading, list, panel)) for (const item of cards) journey.trackView(item);
};

type PageEntry = BlogPost | LandingPage;

/** What the playground's preview route says about the entry it read. */
interface PreviewMeta {
  type: SluggedTypeName;
  status: 'draft' | 'published';
  expiresAt: string;
}

const renderEntry = async (route: Route, show: Show) => {
  const type: ShippedTypeName = route.page === 'blog' ? 'blog-post' : 'landing-page';
  const image = route.page === 'blog' ? 'cover' : 'hero';
  const entry = await journey.entryBySlug(type, route.slug, {
    locale: route.locale,
    populate: { [image]: true, seo: { populate: { shareImage: true } } },
  });
  if (!entry) {
    show(backLink(), el('p', { 'data-testid': 'not-found' }, 'No such page.'));
    return;
  }
  if (await showEntry(entry, type, route, show))
    journey.trackView({ documentId: entry.documentId, type, locale: entry.locale });
};

/** The draft (or published version) the Content Manager opened, under a banner saying so. */
const renderPreview = async (route: Route, show: Show) => {
  const url = `${window.location.origin}/api/demo-preview?grant=${encodeURIComponent(route.grant)}`;
  const response = await fetch(url);
  const body = (await response.json()) as
    | { data: PageEntry; meta: PreviewMeta }
    | { error: StrapiError };
  if ('error' in body) throw new JourneyApiError(body.error, url);
  await showEntry(body.data, body.meta.type, route, show, body.meta);
};

const backLink = () => el('a', { href: href({}), 'data-testid': 'back' }, '← Back to the list');

const showEntry = async (
  entry: PageEntry,
  type: SluggedTypeName,
  route: Route,
  show: Show,
  preview?: PreviewMeta
): Promise<boolean> => {
  const banner = preview
    ? el(
        'p',
        { class: 'preview-banner', role: 'status', 'data-testid': 'preview-banner' },
        preview.status === 'draft'
          ? 'Preview of the draft: visitors do not see this version until it is published.'
          : 'Preview of the published version.'
      )
    : '';
  const media = 'cover' in entry ? entry.cover : 'hero' in entry ? entry.hero : null;
  const body = text(entry.body)
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((paragraph) => el('p', {}, paragraph));
  const lead = 'excerpt' in entry ? entry.excerpt : entry.headline;
  // The page's own next step: the stage after the page's stage, for the chosen persona.
  const stageIndex = stages.findIndex((s) => s.key === entry.journeyStage);
  const nextStage = stageIndex >= 0 ? stages[stageIndex + 1] : undefined;
  const nextStep = nextStage
    ? el(
        'section',
        { class: 'next-step', 'data-testid': 'next-step' },
        el('h2', {}, `Next step: ${nextStage.label}`),
        el(
          'a',
          { class: 'cta', href: href({ stage: nextStage.key }), 'data-testid': 'next-step-cta' },
          `Continue to ${nextStage.label}`
        )
      )
    : '';
  // A decision-stage page offers the stage's form for the visitor's persona, sent with the page
  // as its source: the submission counts as a conversion of the page too.
  let formSection: Node | string = '';
  if (entry.journeyStage === 'decision' && !preview) {
    const forms = await journey.content({
      type: 'form',
      stage: entry.journeyStage,
      persona: route.persona || undefined,
      locale: route.locale,
      pageSize: 1,
    });
    const offered = forms.data[0];
    if (offered) {
      formSection = el(
        'section',
        { class: 'page-form', 'data-testid': 'page-form' },
        el('h2', {}, titleOf(offered)),
        await loadForm(offered.documentId, route, {
          stage: entry.journeyStage,
          source: { contentType: type, documentId: entry.documentId },
        })
      );
    }
  }
  const shown = show(
    banner,
    backLink(),
    el(
      'article',
      { class: 'post', 'data-testid': 'entry' },
      el('h1', {}, entry.title),
      media ? imageOf(media, entry.title) : '',
      el('p', { class: 'lead' }, text(lead)),
      ...body
    ),
    formSection,
    nextStep
  );
  if (shown) document.title = entry.seo?.metaTitle ?? entry.title;
  return shown;
};

const render = async () => {
  const route = readRoute();
  // Who the visitor says they are, and where: sent with each event tracked on this view.
  journey.setVisitor({ persona: route.persona || undefined, stage: route.stage || undefined });
  personaPicker.value = route.persona;
  stagePicker.value = route.stage;
  localePicker.value = route.locale;
  const generation = ++latestRender;
  const isLatest = () => generation === latestRender;
  const show: Show = (...nodes) => {
    if (!isLatest()) return false;
    view.replaceChildren(...nodes);
    return true;
  };
  rendersInFlight += 1;
  view.setAttribute('aria-busy', 'true');
  try {
    if (route.page === 'list') await renderList(route, show);
    else if (route.page === 'preview') await renderPreview(route, show);
    else await renderEntry(route, show);
  } catch (error) {
    show(errorView(error));
  } finally {
    rendersInFlight -= 1;
    if (rendersInFlight === 0) view.setAttribute('aria-busy', 'false');
  }
};

const start = async () => {
  try {
    const [stageList, personas] = await Promise.all([journey.stages(), journey.personas()]);
    stages = stageList.data;
    stagePicker.append(...stages.map((s) => el('option', { value: s.key }, s.label)));
    personaPicker.append(...personas.data.map((p) => el('option', { value: p.slug }, p.name)));
  } catch (error) {
    view.replaceChildren(errorView(error));
    return;
  }
  const onPick = () =>
    (window.location.hash = href({
      persona: personaPicker.value,
      stage: stagePicker.value,
      locale: localePicker.value,
    }));
  for (const picker of [personaPicker, stagePicker, localePicker])
    picker.addEventListener('change', onPick);
  window.addEventListener('hashchange', () => void render());
  // The Content Manager posts `strapiUpdate` to its preview frame after each save. Only messages
  // from this origin count: the admin is served by the same Strapi as the demo.
  window.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
    if (event.origin !== window.location.origin || event.data?.type !== 'strapiUpdate') return;
    if (readRoute().page === 'preview') void render();
  });
  await render();
};

void start();
