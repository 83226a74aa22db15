/**
 * Demo content for the playground app.
 *
 * Drawn from the examples in the seed articles (the project brief's seed articles): the
 * restaurant owner with an outdated website, the startup's productivity app,
 * the consulting client, the webshop (e-commerce) and the B2B buying team.
 * The fictional company behind the content, "Kompas", sells a digital
 * platform (website, online booking, webshop), a productivity app and
 * customer-journey consulting.
 *
 * Resulting counts (verified by a throwaway check script):
 *   Personas:        5
 *   Entries:         46 total
 *     Blog posts:    18
 *     Landing pages: 10
 *     CTAs:          10
 *     Forms:          8
 *   Per stage:       awareness 14, consideration 12, decision 12,
 *                    retention 7, advocacy 1 (the deliberately thin stage)
 *   Drafts:          6 (published: false), none at advocacy
 *   Danish (da):     23 entries (blog 9, landing 6, CTA 4, form 4)
 *   No persona:      4 entries
 *   Two personas:    13 entries
 *   consulting-client never appears at the decision stage.
 */

export type DemoStage = 'awareness' | 'consideration' | 'decision' | 'retention' | 'advocacy';

export interface DemoPersona {
  slug: string;
  name: string;
  description: string;
  goals: string[];
  painPoints: string[];
  touchpoints: string[];
}

export interface FormFieldDefinition {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea' | 'number' | 'select' | 'checkbox';
  required: boolean;
  /** select only. */
  options?: Array<{ value: string; label: string }>;
}

interface DemoEntryBase {
  /** Unique, stable id across all demo entries; used to make seeding idempotent. */
  key: string;
  stage: DemoStage;
  /** Persona slugs. */
  personas: string[];
  published: boolean;
}

export interface DemoBlogPost extends DemoEntryBase {
  en: { title: string; slug: string; excerpt: string; body: string };
  da?: { title: string; slug: string; excerpt: string; body: string };
}

export interface DemoLandingPage extends DemoEntryBase {
  en: { title: string; slug: string; headline: string; body: string };
  da?: { title: string; slug: string; headline: string; body: string };
}

export interface DemoCta extends DemoEntryBase {
  en: { label: string; url: string; description: string };
  da?: { label: string; url: string; description: string };
}

export interface DemoForm extends DemoEntryBase {
  en: { name: string; fields: FormFieldDefinition[]; submitLabel: string };
  da?: { name: string; fields: FormFieldDefinition[]; submitLabel: string };
}

/** Joins paragraphs into a plain-text/Markdown body. */
const paragraphs = (...parts: string[]): string => parts.join('\n\n');

// ---------------------------------------------------------------------------
// Personas
// ---------------------------------------------------------------------------

export const DEMO_PERSONAS: DemoPersona[] = [
  {
    slug: 'restaurant-owner',
    name: 'Restaurant owner',
    description:
      'Runs one or two restaurants and has realised that an outdated website and no online booking are costing market share. Wants to modernise without becoming an IT expert.',
    goals: [
      'Fill more tables with online booking',
      'Keep up with digital trends in the restaurant industry',
      'Turn first-time guests into regulars',
    ],
    painPoints: [
      'Outdated website and CRM system',
      'Little time to research technology',
      'Phone bookings lost during service',
    ],
    touchpoints: ['Search', 'Social media', 'Recommendations from other owners', 'Newsletter'],
  },
  {
    slug: 'startup-app-user',
    name: 'Startup app user',
    description:
      'A busy professional who discovers productivity apps through ads and friends, reads reviews before installing, and becomes a loyal fan when an app simply works.',
    goals: [
      'Manage daily tasks and reminders in one place',
      'Stay organised at work and at home',
      'Get value from an app within the first week',
    ],
    painPoints: [
      'Too many tools that do not talk to each other',
      'Slow or missing support when something breaks',
    ],
    touchpoints: [
      'App store reviews',
      'Social media',
      'Recommendations from friends',
      'In-app support',
    ],
  },
  {
    slug: 'consulting-client',
    name: 'Consulting client',
    description:
      'A manager who first hears about consultancies through referrals or thought-leadership content, and needs proof of expertise before booking an initial meeting.',
    goals: [
      'Understand how customers really experience the business',
      'Get a tailored plan with clear expected results',
      'Work with advisers who share progress regularly',
    ],
    painPoints: [
      'Hard to judge a consultancy’s expertise up front',
      'Previous projects ended with a report and no change',
      'Internal data is scattered and incomplete',
    ],
    touchpoints: ['Referrals', 'Thought-leadership articles', 'Case studies', 'Meetings'],
  },
  {
    slug: 'webshop-manager',
    name: 'Webshop manager',
    description:
      'Responsible for an e-commerce site and its conversion rate. Looks for bottlenecks in the buying process and for ways to bring customers back after the first order.',
    goals: [
      'Reduce drop-off in checkout',
      'Offer the payment methods customers expect',
      'Increase repeat purchases',
    ],
    painPoints: [
      'Customers abandon a checkout that is too long',
      'Hard to see which touchpoints actually drive sales',
    ],
    touchpoints: ['Search', 'Newsletter', 'Webinars', 'Industry blogs'],
  },
  {
    slug: 'b2b-buyer',
    name: 'B2B buyer',
    description:
      'Part of a buying team in a mid-sized company. Purchases take longer and involve several decision makers and influencers who all need tailored answers.',
    goals: [
      'Build a solid business case for the buying team',
      'Compare vendors on total cost and fit',
      'Find a long-term partner, not just a supplier',
    ],
    painPoints: [
      'Many stakeholders with different priorities',
      'Vendors who cannot answer specific questions',
      'Long, complex purchasing processes',
    ],
    touchpoints: ['Search', 'Third-party review sites', 'Sales meetings', 'Premium content'],
  },
];

// ---------------------------------------------------------------------------
// Blog posts (18)
// ---------------------------------------------------------------------------

export const DEMO_BLOG_POSTS: DemoBlogPost[] = [
  {
    key: 'blog-what-is-the-customer-journey',
    stage: 'awareness',
    personas: [],
    published: true,
    en: {
      title: 'What is the customer journey?',
      slug: 'what-is-the-customer-journey',
      excerpt:
        'The customer journey is every interaction a person has with your business over time, from the first search to long after the purchase.',
      body: paragraphs(
        'The customer journey is the process customers go through when they interact with a business. It covers everything from researching a product to making a purchase, and it continues after the sale through newsletters, instruction manuals and customer service.',
        'Thinking about the whole journey, rather than just the transaction, shows you where customers get stuck and where they are delighted. Most models split it into stages such as awareness, consideration, decision, retention and advocacy.',
        'Start simple: list the questions your customers ask at each stage, and check whether you have content that answers them. The gaps you find are your next priorities.'
      ),
    },
    da: {
      title: 'Hvad er kunderejsen?',
      slug: 'hvad-er-kunderejsen',
      excerpt:
        'Kunderejsen består af alle de interaktioner, en person har med din virksomhed over tid – fra den første søgning til længe efter købet.',
      body: paragraphs(
        'Kunderejsen er den proces, som kunderne gennemgår, når de interagerer med en virksomhed. Den omfatter alt fra at undersøge et produkt til at foretage et køb, og den fortsætter efter salget gennem nyhedsbreve, instruktionsmanualer og kundeservice.',
        'Når du tænker på hele rejsen i stedet for blot selve transaktionen, kan du se, hvor kunderne går i stå, og hvor de bliver glade. De fleste modeller deler rejsen op i faser som kendskab, overvejelse, beslutning, fastholdelse og anbefaling.',
        'Start enkelt: Skriv de spørgsmål ned, som dine kunder stiller i hver fase, og tjek, om du har indhold, der besvarer dem. De huller, du finder, er dine næste prioriteter.'
      ),
    },
  },
  {
    key: 'blog-digital-solutions-for-restaurants',
    stage: 'awareness',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      title: 'What digital solutions exist for restaurants?',
      slug: 'digital-solutions-for-restaurants',
      excerpt:
        'From online booking to a modern website: an overview of the digital tools that help restaurants win back guests.',
      body: paragraphs(
        'Many restaurant owners first notice the problem as empty tables on a Tuesday: guests book elsewhere because they can do it online in ten seconds. An outdated website and a paper booking book quietly cost market share.',
        'The most common digital solutions are an online booking system, a mobile-friendly website with an up-to-date menu, a simple guest register (CRM) and a newsletter for regulars. None of them require you to become an IT expert.',
        'You do not need everything at once. Start with the tool that removes the most friction for your guests, which for most restaurants is booking a table.'
      ),
    },
    da: {
      title: 'Hvilke digitale løsninger findes der til restauranter?',
      slug: 'digitale-loesninger-til-restauranter',
      excerpt:
        'Fra onlinebooking til en moderne hjemmeside: et overblik over de digitale værktøjer, der hjælper restauranter med at vinde gæsterne tilbage.',
      body: paragraphs(
        'Mange restaurantejere opdager først problemet som tomme borde en tirsdag aften: Gæsterne booker et andet sted, fordi de kan gøre det online på ti sekunder. En forældet hjemmeside og en bookingbog på papir koster stille og roligt markedsandele.',
        'De mest almindelige digitale løsninger er et onlinebookingsystem, en mobilvenlig hjemmeside med et opdateret menukort, et enkelt gæsteregister (CRM) og et nyhedsbrev til stamgæsterne. Ingen af dem kræver, at du bliver it-ekspert.',
        'Du behøver ikke det hele på én gang. Start med det værktøj, der fjerner mest besvær for dine gæster – for de fleste restauranter er det bordbestilling.'
      ),
    },
  },
  {
    key: 'blog-restaurant-industry-trends',
    stage: 'awareness',
    personas: ['restaurant-owner'],
    published: false,
    en: {
      title: 'Five digital trends in the restaurant industry',
      slug: 'restaurant-industry-digital-trends',
      excerpt:
        'What guests expect from restaurants online this year, and which trends are worth acting on.',
      body: paragraphs(
        'Guests now research restaurants the way they research everything else: online, on their phone, and often minutes before they decide. Reviews, photos and the ability to book instantly weigh as much as the menu.',
        'The trends we see most are online booking with confirmations by text message, QR-code menus, loyalty programmes run from a simple app, follow-up emails asking for reviews, and social media posts that show the kitchen behind the food.',
        'Pick one trend that matches your guests and measure it for a month before adding the next.'
      ),
    },
  },
  {
    key: 'blog-productivity-app-stay-organised',
    stage: 'awareness',
    personas: ['startup-app-user'],
    published: true,
    en: {
      title: 'Why your to-do list keeps failing you',
      slug: 'why-your-to-do-list-keeps-failing',
      excerpt:
        'Notes in three apps, reminders in a fourth: how scattered tools make busy days harder.',
      body: paragraphs(
        'Most people do not lack ambition, they lack an overview. Tasks live in email, chat, sticky notes and calendar invites, and the important ones slip between them.',
        'A good productivity setup does three things: it captures every task in one place, reminds you at the right moment, and gives you access to the information you need on the go.',
        'Before you install yet another app, write down where your tasks come from today. That list is the best requirements document you will ever have.'
      ),
    },
  },
  {
    key: 'blog-when-to-hire-a-consultant',
    stage: 'awareness',
    personas: ['consulting-client'],
    published: true,
    en: {
      title: 'Signs your business needs an outside view of the customer journey',
      slug: 'signs-you-need-customer-journey-consulting',
      excerpt:
        'Falling conversion, rising complaints and campaigns that do not add up are all signs worth taking seriously.',
      body: paragraphs(
        'It is hard to see your own customer journey clearly. You know the processes from the inside, while your customers meet them from the outside, across websites, stores, newsletters and phone calls.',
        'Typical signs that an outside view would help: conversion is dropping without an obvious reason, customer service hears the same complaint again and again, and marketing activities do not seem to support each other.',
        'A good first step is to invite 8-10 customers to describe the process they go through before buying. It brings out realities no internal workshop will.'
      ),
    },
    da: {
      title: 'Tegn på, at din virksomhed har brug for et udefra-blik på kunderejsen',
      slug: 'tegn-paa-at-du-har-brug-for-raadgivning-om-kunderejsen',
      excerpt:
        'Faldende konvertering, flere klager og kampagner, der ikke hænger sammen, er tegn, du bør tage alvorligt.',
      body: paragraphs(
        'Det er svært at se sin egen kunderejse klart. Du kender processerne indefra, mens dine kunder møder dem udefra – på hjemmesiden, i butikken, i nyhedsbrevet og i telefonen.',
        'Typiske tegn på, at et udefra-blik vil hjælpe: Konverteringen falder uden en tydelig grund, kundeservice hører den samme klage igen og igen, og kendskabsaktiviteterne spiller ikke sammen med konverteringsaktiviteterne.',
        'Et godt første skridt er at invitere 8-10 kunder med på rejsen og lade dem beskrive den proces, de går igennem inden køb. Så kommer alle tænkelige realiteter frem.'
      ),
    },
  },
  {
    key: 'blog-webshop-checkout-drop-off',
    stage: 'awareness',
    personas: ['webshop-manager'],
    published: true,
    en: {
      title: 'Why customers leave your webshop before paying',
      slug: 'why-customers-leave-your-webshop',
      excerpt:
        'Unexpected steps, missing payment options and slow pages are the usual suspects behind abandoned carts.',
      body: paragraphs(
        'If it is hard for customers to find the information they need or to make a purchase, they will most likely give up and go somewhere else. Abandoned carts are rarely about price alone.',
        'The most common bottlenecks are a journey that is too long, unexpected steps such as forced account creation, too few payment methods, and unclear delivery times.',
        'Walk through your own checkout on a phone, as a new customer, and count every field and click. Each one you remove is a customer who is more likely to finish.'
      ),
    },
  },
  {
    key: 'blog-b2b-buying-team',
    stage: 'awareness',
    personas: ['b2b-buyer'],
    published: true,
    en: {
      title: 'Who is really on your B2B buying team?',
      slug: 'who-is-on-the-b2b-buying-team',
      excerpt:
        'B2B purchases involve several decision makers and influencers. Content has to speak to all of them.',
      body: paragraphs(
        'In B2B the buying process is more complex and purchases take longer. Instead of one customer, you meet a buying team: the user who feels the problem, the manager who owns the budget, IT who has to approve the integration and sometimes procurement.',
        'Each member asks different questions at each stage. The user wants to know whether the problem is common; the manager wants a business case; IT wants documentation.',
        'Map the members of the buying team before you plan content, and make sure every one of them can find an answer written for them.'
      ),
    },
    da: {
      title: 'Hvem sidder egentlig i jeres B2B-indkøbsteam?',
      slug: 'hvem-sidder-i-b2b-indkoebsteamet',
      excerpt:
        'B2B-køb involverer flere beslutningstagere og påvirkere. Indholdet skal tale til dem alle.',
      body: paragraphs(
        'I B2B er købsprocessen mere kompleks, og indkøb tager længere tid. I stedet for én kunde møder du et indkøbsteam: brugeren, der mærker problemet, lederen, der ejer budgettet, it-afdelingen, der skal godkende integrationen, og nogle gange indkøbsafdelingen.',
        'Hvert medlem stiller forskellige spørgsmål i hver fase. Brugeren vil vide, om problemet er almindeligt, lederen vil have en business case, og it vil have dokumentation.',
        'Kortlæg medlemmerne af indkøbsteamet, før du planlægger indhold, og sørg for, at hver enkelt kan finde et svar, der er skrevet til netop dem.'
      ),
    },
  },
  {
    key: 'blog-restaurant-online-booking',
    stage: 'consideration',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      title: 'How to choose an online booking system for your restaurant',
      slug: 'choose-restaurant-online-booking-system',
      excerpt:
        'Six questions to ask before you pick a booking system, from no-show handling to integration with your website.',
      body: paragraphs(
        'Once you know you need online booking, the question becomes which system. Compare the options against how your restaurant actually works, not against the longest feature list.',
        'Ask these questions: Can guests book directly from your website and social media profiles? Does it send confirmations and reminders? How does it handle no-shows and deposits? Can staff see the evening at a glance? Does it keep a guest history you own? What does it cost per cover?',
        'Ask other restaurant owners what they use, and read reviews from restaurants of your size. A system built for a 300-seat venue can be overkill for a 40-seat bistro.'
      ),
    },
    da: {
      title: 'Sådan vælger du et onlinebookingsystem til din restaurant',
      slug: 'vaelg-onlinebookingsystem-til-restaurant',
      excerpt:
        'Seks spørgsmål, du bør stille, før du vælger bookingsystem – fra udeblivelser til integration med din hjemmeside.',
      body: paragraphs(
        'Når du ved, at du har brug for onlinebooking, bliver spørgsmålet, hvilket system du skal vælge. Sammenlign mulighederne med den måde, din restaurant faktisk fungerer på, og ikke med den længste liste af funktioner.',
        'Stil disse spørgsmål: Kan gæsterne booke direkte fra din hjemmeside og dine profiler på sociale medier? Sender systemet bekræftelser og påmindelser? Hvordan håndterer det udeblivelser og depositum? Kan personalet se hele aftenen med ét blik? Ejer du selv gæstehistorikken? Hvad koster det pr. kuvert?',
        'Spørg andre restaurantejere, hvad de bruger, og læs anmeldelser fra restauranter på din størrelse. Et system bygget til 300 pladser kan være alt for meget til en bistro med 40.'
      ),
    },
  },
  {
    key: 'blog-compare-productivity-apps',
    stage: 'consideration',
    personas: ['startup-app-user'],
    published: true,
    en: {
      title: 'Productivity apps compared: what actually matters',
      slug: 'productivity-apps-compared',
      excerpt:
        'Reminders, offline access, sharing and support: how to weigh the pros and cons before you install.',
      body: paragraphs(
        'Most productivity apps look alike in screenshots. The differences show up after a week of real use, so compare them on the things that decide whether you keep using them.',
        'Check whether reminders work reliably across phone and desktop, whether you can reach your information offline, how easy it is to share a list with a colleague, and how quickly support answers when something goes wrong.',
        'Read testimonials from people with a day like yours, then shortlist two apps and try both for a week. The one you open without thinking is the winner.'
      ),
    },
  },
  {
    key: 'blog-consulting-case-study-retail',
    stage: 'consideration',
    personas: ['consulting-client', 'b2b-buyer'],
    published: true,
    en: {
      title: 'Case study: mapping the customer journey for a retail chain',
      slug: 'case-study-retail-customer-journey',
      excerpt:
        'How a 12-store retail chain found its weakest touchpoints and lifted repeat purchases by 18%.',
      body: paragraphs(
        'A regional retail chain came to us with a familiar problem: marketing spend was rising, but repeat purchases were flat. Nobody could say which touchpoints were working.',
        'Together we mapped every touchpoint, online and offline: the website, the stores, brochures, packaging, newsletters, reviews and staff. Interviews with ten customers showed that the journey broke after the first purchase, with no follow-up at all.',
        'The chain introduced a post-purchase email series and trained staff to ask for feedback. Twelve months later repeat purchases were up 18%, and marketing could finally see which activities paid off.'
      ),
    },
    da: {
      title: 'Case: Kortlægning af kunderejsen for en butikskæde',
      slug: 'case-kunderejsen-for-en-butikskaede',
      excerpt:
        'Sådan fandt en kæde med 12 butikker sine svageste kontaktpunkter og øgede genkøbet med 18 %.',
      body: paragraphs(
        'En regional butikskæde kom til os med et velkendt problem: Marketingbudgettet steg, men genkøbet stod stille. Ingen kunne sige, hvilke kontaktpunkter der virkede.',
        'Sammen kortlagde vi alle kontaktpunkter, både online og offline: hjemmesiden, butikkerne, brochurer, emballage, nyhedsbreve, anmeldelser og medarbejdere. Interviews med ti kunder viste, at rejsen brød sammen efter det første køb – der var ingen opfølgning overhovedet.',
        'Kæden indførte en række e-mails efter køb og lærte medarbejderne at spørge efter feedback. Tolv måneder senere var genkøbet steget med 18 %, og marketing kunne endelig se, hvilke aktiviteter der betalte sig.'
      ),
    },
  },
  {
    key: 'blog-map-your-customer-journey',
    stage: 'consideration',
    personas: ['webshop-manager', 'b2b-buyer'],
    published: true,
    en: {
      title: 'How to map your customer journey in five steps',
      slug: 'map-your-customer-journey-in-five-steps',
      excerpt:
        'A practical method: stages, data, customer feedback, analytics and a visual map you can act on.',
      body: paragraphs(
        '1. **Identify the stages** your customers go through, for example awareness, research, consideration, decision and post-purchase.\n2. **Analyse each stage** by collecting data on behaviour and patterns.\n3. **Ask customers** about their experience and what could be better.',
        '4. **Use analytics tools** to track interactions on your website and in your systems.\n5. **Draw a visual map** that shows every stage and every touchpoint side by side.',
        'Review the map every quarter. Customer journeys change with new technology and new habits, and a map that is two years old describes customers you no longer have.'
      ),
    },
  },
  {
    key: 'blog-choosing-a-digital-platform',
    stage: 'consideration',
    personas: ['b2b-buyer'],
    published: false,
    en: {
      title: 'Choosing a digital experience platform: a checklist for buying teams',
      slug: 'digital-experience-platform-checklist',
      excerpt:
        'Blogs, landing pages, CTAs, forms and integrations: what your platform must support at every stage.',
      body: paragraphs(
        'Your digital platform is where most of the customer journey is published. Before you compare vendors, agree as a buying team on what it must support at each stage.',
        'For awareness you need blogging with scheduling and SEO tools. For consideration you need flexible landing pages, calls to action and forms that store leads. For decision you need a site that works across web, apps and self-service. For delight you need email, newsletters and self-service.',
        'Score each vendor against the list, and ask for references from companies with a buying team like yours.'
      ),
    },
  },
  {
    key: 'blog-webshop-payment-methods',
    stage: 'decision',
    personas: ['webshop-manager'],
    published: true,
    en: {
      title: 'Which payment methods should your webshop offer?',
      slug: 'webshop-payment-methods',
      excerpt:
        'Card, mobile wallets, invoice and gift cards: accepting the right payment methods removes the last obstacle to buying.',
      body: paragraphs(
        'At the decision stage the customer has already chosen. The only thing left is to make buying easy, and one of the most common reasons for abandoning a cart is not finding a preferred way to pay.',
        'Offer card payments and the mobile wallets your customers use every day as a minimum. For larger orders, invoice and instalments lower the barrier, and gift cards bring in customers who would not otherwise find you.',
        'After payment, send a clear confirmation and tracking information so customers always know where their order is. The decision stage ends when the parcel arrives, not when the card is charged.'
      ),
    },
  },
  {
    key: 'blog-what-to-expect-onboarding',
    stage: 'decision',
    personas: ['startup-app-user', 'b2b-buyer'],
    published: true,
    en: {
      title: 'What happens after you sign up?',
      slug: 'what-happens-after-you-sign-up',
      excerpt: 'No surprises: the first day, the first week and the first month with Kompas.',
      body: paragraphs(
        'Uncertainty about what happens next keeps many people from pressing "buy". So here it is, step by step.',
        'On day one you get a welcome email with a short setup guide, and you can import your tasks or content in minutes. In the first week our support team checks in once to answer questions. In the first month you get tips based on how you actually use the product.',
        'If it does not work for you, you can cancel within 30 days without explaining why. We would rather earn your trust than lock you in.'
      ),
    },
  },
  {
    key: 'blog-collect-customer-feedback',
    stage: 'retention',
    personas: ['restaurant-owner', 'webshop-manager'],
    published: true,
    en: {
      title: 'Collecting customer feedback that you can actually use',
      slug: 'collecting-useful-customer-feedback',
      excerpt:
        'Ask what customers like and where you can improve, then show them that you listened.',
      body: paragraphs(
        'Maintaining customer relationships means following up with recent customers and checking in on past or inactive ones. Feedback is the easiest way to do both, and it tells you how your business looks from their side.',
        'Keep it short: one question about satisfaction, such as a Net Promoter Score, and one open question about what could be better. Send it shortly after the visit or delivery, while the experience is fresh.',
        'Most importantly, close the loop. When a complaint leads to a change, tell the customers who raised it. Nothing builds loyalty faster.'
      ),
    },
    da: {
      title: 'Sådan indsamler du kundefeedback, du rent faktisk kan bruge',
      slug: 'indsaml-brugbar-kundefeedback',
      excerpt:
        'Spørg kunderne, hvad de kan lide, og hvor du kan forbedre dig – og vis dem bagefter, at du har lyttet.',
      body: paragraphs(
        'At bevare kunderelationerne betyder at følge op med kunder, der for nylig har foretaget køb, og at tjekke ind på tidligere eller inaktive kunder. Feedback er den nemmeste måde at gøre begge dele på, og den viser dig, hvordan din virksomhed ser ud fra deres synspunkt.',
        'Hold det kort: ét spørgsmål om tilfredshed, for eksempel en Net Promoter Score, og ét åbent spørgsmål om, hvad der kunne være bedre. Send det kort efter besøget eller leveringen, mens oplevelsen er frisk.',
        'Vigtigst af alt: Luk sløjfen. Når en klage fører til en ændring, så fortæl det til de kunder, der klagede. Intet opbygger loyalitet hurtigere.'
      ),
    },
  },
  {
    key: 'blog-getting-started-with-the-app',
    stage: 'retention',
    personas: ['startup-app-user'],
    published: true,
    en: {
      title: 'Ten minutes to an organised week: getting started with Kompas Tasks',
      slug: 'getting-started-with-kompas-tasks',
      excerpt:
        'Set up lists, reminders and your first shared project, and get help whenever you need it.',
      body: paragraphs(
        'You have installed the app. Here is how to get value from it today rather than next month.',
        'Create three lists: Today, This week and Waiting for. Move everything from your head into them, then set reminders only for the tasks that have a real deadline. Share one list with a colleague to see how collaboration works.',
        'Stuck? Tap Help in the menu to reach our support team. We usually answer within the hour on weekdays, and our help centre covers the most common questions.'
      ),
    },
    da: {
      title: 'Ti minutter til en organiseret uge: Kom godt i gang med Kompas Tasks',
      slug: 'kom-godt-i-gang-med-kompas-tasks',
      excerpt:
        'Opret lister, påmindelser og dit første delte projekt – og få hjælp, når du har brug for det.',
      body: paragraphs(
        'Du har installeret appen. Her er, hvordan du får værdi ud af den i dag og ikke først om en måned.',
        'Opret tre lister: I dag, Denne uge og Venter på. Flyt alt fra hovedet over i dem, og sæt kun påmindelser på de opgaver, der har en rigtig deadline. Del én liste med en kollega for at se, hvordan samarbejdet fungerer.',
        'Sidder du fast? Tryk på Hjælp i menuen for at komme i kontakt med vores supportteam. Vi svarer som regel inden for en time på hverdage, og vores hjælpecenter dækker de mest almindelige spørgsmål.'
      ),
    },
  },
  {
    key: 'blog-consulting-engagement-check-ins',
    stage: 'retention',
    personas: ['consulting-client'],
    published: false,
    en: {
      title: 'How we keep you informed during a consulting engagement',
      slug: 'consulting-engagement-progress-updates',
      excerpt:
        'Regular meetings, progress updates and adjustments along the way: what working with us looks like.',
      body: paragraphs(
        'A consulting engagement is not a report delivered at the end. We meet regularly, share progress updates and adjust the strategy when the data tells us to.',
        'Every month you get a short report on the key metrics we agreed on, such as website traffic, conversion rates and engagement on social media, together with what we changed and why.',
        'When the engagement ends, we evaluate the results together and agree on what you should keep doing on your own. Many clients come back for the next project; that is the measure we care about.'
      ),
    },
  },
  {
    key: 'blog-turn-customers-into-advocates',
    stage: 'advocacy',
    personas: ['restaurant-owner', 'consulting-client'],
    published: true,
    en: {
      title: 'Turning happy customers into ambassadors',
      slug: 'turn-happy-customers-into-ambassadors',
      excerpt:
        'Reviews, referrals and stories shared on social media shape the journey of your next customers.',
      body: paragraphs(
        'The last step of the customer journey is advocacy: satisfied customers spread the word by writing reviews online or sharing their experience on social media. People considering you will read those reviews, so advocacy feeds the awareness stage of future buyers.',
        'Make it easy. Ask for a review at the moment of delight, such as the end of a great dinner or the successful close of a project, and send a direct link. Thank everyone who shares, publicly when they allow it.',
        'A simple referral offer can help, but it never replaces the basics: a product that works and service that answers quickly.'
      ),
    },
    da: {
      title: 'Sådan gør du glade kunder til ambassadører',
      slug: 'goer-glade-kunder-til-ambassadoerer',
      excerpt:
        'Anmeldelser, anbefalinger og oplevelser delt på sociale medier former dine næste kunders rejse.',
      body: paragraphs(
        'Det sidste trin i kunderejsen er advocacy, hvor kunderne spreder budskabet om deres oplevelser med din virksomhed. De skriver anmeldelser online eller fortæller om oplevelsen på sociale medier – og folk, der overvejer at købe hos dig, læser dem.',
        'Gør det nemt. Bed om en anmeldelse i det øjeblik, kunden er glad, for eksempel efter en god middag eller når et projekt er afsluttet med succes, og send et direkte link. Tak alle, der deler, gerne offentligt, hvis de tillader det.',
        'Et enkelt henvisningstilbud kan hjælpe, men det erstatter aldrig det grundlæggende: et produkt, der virker, og en kundeservice, der svarer hurtigt.'
      ),
    },
  },
];

// ---------------------------------------------------------------------------
// Landing pages (10)
// ---------------------------------------------------------------------------

export const DEMO_LANDING_PAGES: DemoLandingPage[] = [
  {
    key: 'landing-digital-restaurant',
    stage: 'awareness',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      title: 'The digital restaurant',
      slug: 'digital-restaurant',
      headline: 'Your guests are already online. Is your restaurant?',
      body: paragraphs(
        'Guests look for restaurants on their phone, read reviews and expect to book a table in seconds. If your website is hard to use, they book somewhere else, and you never hear about it.',
        'Kompas gives restaurants a modern website, online booking and a guest register in one place, set up by people who understand the restaurant business.',
        'Read our guide to digital solutions for restaurants, or see how other owners filled their quiet evenings.'
      ),
    },
    da: {
      title: 'Den digitale restaurant',
      slug: 'den-digitale-restaurant',
      headline: 'Dine gæster er allerede online. Er din restaurant?',
      body: paragraphs(
        'Gæsterne leder efter restauranter på mobilen, læser anmeldelser og forventer at kunne bestille bord på få sekunder. Hvis din hjemmeside er svær at bruge, booker de et andet sted – og det hører du aldrig om.',
        'Kompas giver restauranter en moderne hjemmeside, onlinebooking og et gæsteregister samlet ét sted, sat op af folk, der forstår restaurationsbranchen.',
        'Læs vores guide til digitale løsninger for restauranter, eller se, hvordan andre ejere fik fyldt de stille aftener.'
      ),
    },
  },
  {
    key: 'landing-journey-mapping-workshop',
    stage: 'awareness',
    personas: ['consulting-client'],
    published: true,
    en: {
      title: 'Customer journey workshop',
      slug: 'customer-journey-workshop',
      headline: 'See your business through your customers’ eyes',
      body: paragraphs(
        'A close relationship with your customers carries enormous commercial potential. The customer journey is the tool that shows you where that relationship is strong and where it breaks.',
        'In a one-day workshop we map your stages and touchpoints, online and offline, and describe 2-3 personas based on interviews with your own customers.',
        'You leave with a map, a list of weak spots and a shared language for sales, marketing and service.'
      ),
    },
    da: {
      title: 'Workshop om kunderejsen',
      slug: 'workshop-om-kunderejsen',
      headline: 'Se din forretning med dine kunders øjne',
      body: paragraphs(
        'Et tæt forhold til dine kunder bærer et enormt kommercielt potentiale. Kunderejsen er værktøjet, der viser dig, hvor forholdet er stærkt, og hvor det knækker.',
        'På en heldagsworkshop kortlægger vi dine faser og kontaktpunkter, både online og offline, og beskriver 2-3 personaer baseret på interviews med dine egne kunder.',
        'Du går derfra med et kort, en liste over svage steder og et fælles sprog for salg, marketing og service.'
      ),
    },
  },
  {
    key: 'landing-customer-journey-guide',
    stage: 'consideration',
    personas: [],
    published: true,
    en: {
      title: 'The customer journey guide',
      slug: 'customer-journey-guide',
      headline: 'Free guide: plan content for every stage of the customer journey',
      body: paragraphs(
        'What information does your customer need at each stage? Which questions do they ask, and which terms do they search for? Our 24-page guide helps you answer those questions for your own business.',
        'Inside: a stage-by-stage template, examples from restaurants, webshops and B2B companies, and a checklist of touchpoints from social media to customer service.',
        'Download it for free and start mapping today.'
      ),
    },
    da: {
      title: 'Guiden til kunderejsen',
      slug: 'guide-til-kunderejsen',
      headline: 'Gratis guide: Planlæg indhold til hver fase af kunderejsen',
      body: paragraphs(
        'Hvilken information har din kunde brug for i hver fase? Hvilke spørgsmål stiller de, og hvilke ord søger de efter? Vores guide på 24 sider hjælper dig med at besvare spørgsmålene for din egen virksomhed.',
        'Indhold: en skabelon fase for fase, eksempler fra restauranter, webshops og B2B-virksomheder og en tjekliste over kontaktpunkter fra sociale medier til kundeservice.',
        'Download den gratis, og kom i gang med kortlægningen i dag.'
      ),
    },
  },
  {
    key: 'landing-productivity-app-features',
    stage: 'consideration',
    personas: ['startup-app-user'],
    published: true,
    en: {
      title: 'Kompas Tasks features',
      slug: 'kompas-tasks-features',
      headline: 'Everything you need to stay on top of your day',
      body: paragraphs(
        'Kompas Tasks keeps every task, reminder and note in one place, on your phone and on your desktop, online or offline.',
        '**Smart reminders** that reach you at the right moment. **Shared lists** for teams and families. **Quick capture** from email and chat. **Fast support** from real people when you need it.',
        '“I stopped forgetting things the week I installed it.” Read what thousands of users say, and compare plans when you are ready.'
      ),
    },
  },
  {
    key: 'landing-consulting-services',
    stage: 'consideration',
    personas: ['consulting-client', 'b2b-buyer'],
    published: true,
    en: {
      title: 'Customer journey consulting',
      slug: 'customer-journey-consulting',
      headline: 'From customer insight to measurable results',
      body: paragraphs(
        'We help companies understand how customers move through their business, and then change what matters. Every engagement starts with a thorough conversation about your challenges and pain points.',
        'Based on it we develop a tailored proposal with the recommended approach, expected results and a timeline. During the engagement we meet regularly, share progress and adjust as we learn.',
        'Read our case studies to see the results other clients have achieved, and book an introductory meeting when you want to talk.'
      ),
    },
    da: {
      title: 'Rådgivning om kunderejsen',
      slug: 'raadgivning-om-kunderejsen',
      headline: 'Fra kundeindsigt til målbare resultater',
      body: paragraphs(
        'Vi hjælper virksomheder med at forstå, hvordan kunderne bevæger sig gennem forretningen – og derefter at ændre det, der betyder noget. Hvert samarbejde starter med en grundig samtale om jeres udfordringer.',
        'Ud fra den udarbejder vi et skræddersyet forslag med den anbefalede tilgang, de forventede resultater og en tidsplan. Undervejs mødes vi jævnligt, deler fremskridt og justerer, efterhånden som vi bliver klogere.',
        'Læs vores cases for at se de resultater, andre kunder har opnået, og book et indledende møde, når du har lyst til at tale sammen.'
      ),
    },
  },
  {
    key: 'landing-webshop-platform',
    stage: 'decision',
    personas: ['webshop-manager'],
    published: true,
    en: {
      title: 'Kompas for webshops',
      slug: 'kompas-for-webshops',
      headline: 'A checkout your customers finish',
      body: paragraphs(
        'Kompas gives your webshop a fast, short checkout with all the payment methods your customers expect, automatic order confirmations and tracking information after shipping.',
        'Move your products, customers and order history with our migration team, and go live in as little as four weeks. No unexpected steps, for you or your customers.',
        'See the plans, or book a demo with a specialist who has run a webshop themselves.'
      ),
    },
  },
  {
    key: 'landing-pricing',
    stage: 'decision',
    personas: ['b2b-buyer', 'webshop-manager'],
    published: true,
    en: {
      title: 'Pricing',
      slug: 'pricing',
      headline: 'Simple pricing that grows with you',
      body: paragraphs(
        '**Starter** for small businesses getting online. **Business** for growing teams that need booking, webshop and forms. **Enterprise** for organisations with several brands, custom integrations and a dedicated contact.',
        'All plans include hosting, updates, support by email and phone, and a 30-day money-back guarantee. Pay by card or by invoice.',
        'Buying for a team? Request a quote and we will prepare a proposal your whole buying team can review.'
      ),
    },
    da: {
      title: 'Priser',
      slug: 'priser',
      headline: 'Enkle priser, der vokser med dig',
      body: paragraphs(
        '**Starter** til små virksomheder, der skal online. **Business** til voksende teams, der har brug for booking, webshop og formularer. **Enterprise** til organisationer med flere brands, egne integrationer og en fast kontaktperson.',
        'Alle abonnementer omfatter hosting, opdateringer, support via e-mail og telefon samt 30 dages pengene-tilbage-garanti. Betal med kort eller på faktura.',
        'Køber du ind til et team? Bed om et tilbud, så udarbejder vi et forslag, som hele indkøbsteamet kan gennemgå.'
      ),
    },
  },
  {
    key: 'landing-restaurant-booking-demo',
    stage: 'decision',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      title: 'Restaurant booking demo',
      slug: 'restaurant-booking-demo',
      headline: 'See your evening fill up, live',
      body: paragraphs(
        'In a 20-minute demo we set up online booking for your restaurant with your own tables and opening hours, so you can see exactly how it would work on a busy Friday.',
        'You will see how guests book from your website and social media, how reminders cut no-shows, and how your staff get the whole evening on one screen.',
        'No obligation. If it is the right fit, you can be live next week.'
      ),
    },
  },
  {
    key: 'landing-customer-stories',
    stage: 'decision',
    personas: ['startup-app-user'],
    published: false,
    en: {
      title: 'Customer stories',
      slug: 'customer-stories',
      headline: 'People like you, getting more done',
      body: paragraphs(
        'A freelance designer who stopped missing deadlines. A startup team of six that replaced three tools with one. A parent who finally keeps the family calendar in sync.',
        'Read their stories in their own words: what they tried before, why they chose Kompas Tasks and what changed in the first month.'
      ),
    },
  },
  {
    key: 'landing-help-centre',
    stage: 'retention',
    personas: [],
    published: true,
    en: {
      title: 'Help centre',
      slug: 'help-centre',
      headline: 'How can we help?',
      body: paragraphs(
        'Search our guides and answers, or browse by product: website, booking, webshop and Kompas Tasks.',
        'Can’t find what you need? Chat with us on weekdays from 8 to 18, call our support line or send a request, and we will get back to you quickly.',
        'Tip: subscribe to our newsletter for new features and short how-to guides that help you get more out of what you already have.'
      ),
    },
    da: {
      title: 'Hjælpecenter',
      slug: 'hjaelpecenter',
      headline: 'Hvordan kan vi hjælpe?',
      body: paragraphs(
        'Søg i vores vejledninger og svar, eller find hjælp efter produkt: hjemmeside, booking, webshop og Kompas Tasks.',
        'Kan du ikke finde det, du leder efter? Chat med os på hverdage fra 8 til 18, ring til vores support, eller send en henvendelse, så vender vi hurtigt tilbage.',
        'Tip: Tilmeld dig vores nyhedsbrev, og få nye funktioner og korte vejledninger, der hjælper dig med at få mere ud af det, du allerede har.'
      ),
    },
  },
];

// ---------------------------------------------------------------------------
// CTAs (10)
// ---------------------------------------------------------------------------

export const DEMO_CTAS: DemoCta[] = [
  {
    key: 'cta-download-journey-guide',
    stage: 'awareness',
    personas: ['webshop-manager', 'b2b-buyer'],
    published: true,
    en: {
      label: 'Download the customer journey guide',
      url: '/customer-journey-guide',
      description: 'Free 24-page guide with a stage-by-stage template and touchpoint checklist.',
    },
  },
  {
    key: 'cta-subscribe-newsletter',
    stage: 'awareness',
    personas: [],
    published: true,
    en: {
      label: 'Subscribe to the newsletter',
      url: '/newsletter',
      description:
        'One email a month with practical tips on customer journeys and digital experiences.',
    },
    da: {
      label: 'Tilmeld dig nyhedsbrevet',
      url: '/da/nyhedsbrev',
      description: 'Én e-mail om måneden med praktiske tips om kunderejser og digitale oplevelser.',
    },
  },
  {
    key: 'cta-read-restaurant-trends',
    stage: 'awareness',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      label: 'See what digital can do for your restaurant',
      url: '/digital-restaurant',
      description: 'An overview of online booking, websites and guest registers for restaurants.',
    },
  },
  {
    key: 'cta-compare-plans',
    stage: 'consideration',
    personas: ['startup-app-user'],
    published: true,
    en: {
      label: 'Compare plans',
      url: '/kompas-tasks-features',
      description: 'See which Kompas Tasks plan fits your day, side by side.',
    },
  },
  {
    key: 'cta-book-intro-meeting',
    stage: 'consideration',
    personas: ['consulting-client'],
    published: true,
    en: {
      label: 'Book an introductory meeting',
      url: '/book-an-introductory-meeting',
      description: 'A free 45-minute conversation about your customers and your challenges.',
    },
    da: {
      label: 'Book et indledende møde',
      url: '/da/book-et-indledende-moede',
      description: 'En gratis samtale på 45 minutter om dine kunder og dine udfordringer.',
    },
  },
  {
    key: 'cta-download-case-studies',
    stage: 'consideration',
    personas: ['b2b-buyer'],
    published: true,
    en: {
      label: 'Download case studies',
      url: '/case-studies',
      description:
        'Three customer stories with results, timelines and lessons learned, ready to share with your buying team.',
    },
  },
  {
    key: 'cta-book-a-demo',
    stage: 'decision',
    personas: ['restaurant-owner', 'webshop-manager'],
    published: true,
    en: {
      label: 'Book a demo',
      url: '/book-a-demo',
      description: 'See Kompas set up with your own business in 20 minutes, with no obligation.',
    },
    da: {
      label: 'Book en demo',
      url: '/da/book-en-demo',
      description: 'Se Kompas sat op med din egen forretning på 20 minutter – helt uforpligtende.',
    },
  },
  {
    key: 'cta-start-free-trial',
    stage: 'decision',
    personas: ['startup-app-user'],
    published: true,
    en: {
      label: 'Start your free trial',
      url: '/start-free-trial',
      description: '30 days free, no credit card required. Cancel any time.',
    },
  },
  {
    key: 'cta-request-a-quote',
    stage: 'decision',
    personas: ['b2b-buyer'],
    published: false,
    en: {
      label: 'Request a quote',
      url: '/request-a-quote',
      description:
        'Get a tailored proposal your buying team can review, usually within two working days.',
    },
  },
  {
    key: 'cta-contact-support',
    stage: 'retention',
    personas: ['startup-app-user', 'restaurant-owner'],
    published: true,
    en: {
      label: 'Contact support',
      url: '/support',
      description: 'Questions or problems? Our support team answers quickly on weekdays.',
    },
    da: {
      label: 'Kontakt support',
      url: '/da/support',
      description: 'Spørgsmål eller problemer? Vores supportteam svarer hurtigt på hverdage.',
    },
  },
];

// ---------------------------------------------------------------------------
// Forms (8)
// ---------------------------------------------------------------------------

export const DEMO_FORMS: DemoForm[] = [
  {
    key: 'form-newsletter-signup',
    stage: 'awareness',
    personas: ['webshop-manager'],
    published: true,
    en: {
      name: 'Newsletter signup',
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'firstName', label: 'First name', type: 'text', required: false },
        {
          name: 'acceptsMarketing',
          label: 'I want to receive the monthly newsletter',
          type: 'checkbox',
          required: true,
        },
      ],
      submitLabel: 'Subscribe',
    },
    da: {
      name: 'Tilmelding til nyhedsbrev',
      fields: [
        { name: 'email', label: 'E-mail', type: 'email', required: true },
        { name: 'firstName', label: 'Fornavn', type: 'text', required: false },
        {
          name: 'acceptsMarketing',
          label: 'Jeg vil gerne modtage det månedlige nyhedsbrev',
          type: 'checkbox',
          required: true,
        },
      ],
      submitLabel: 'Tilmeld',
    },
  },
  {
    key: 'form-guide-download',
    stage: 'awareness',
    personas: ['b2b-buyer'],
    published: true,
    en: {
      name: 'Customer journey guide download',
      fields: [
        { name: 'fullName', label: 'Full name', type: 'text', required: true },
        { name: 'workEmail', label: 'Work email', type: 'email', required: true },
        { name: 'companyName', label: 'Company', type: 'text', required: false },
        {
          name: 'industry',
          label: 'Industry',
          type: 'select',
          required: false,
          options: [
            { value: 'restaurants', label: 'Restaurants' },
            { value: 'retail', label: 'Retail' },
            { value: 'consulting', label: 'Consulting' },
            { value: 'other', label: 'Other' },
          ],
        },
      ],
      submitLabel: 'Send me the guide',
    },
  },
  {
    key: 'form-consulting-intro-meeting',
    stage: 'consideration',
    personas: ['consulting-client'],
    published: true,
    en: {
      name: 'Introductory meeting request',
      fields: [
        { name: 'fullName', label: 'Full name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'phoneNumber', label: 'Phone', type: 'tel', required: false },
        {
          name: 'challenge',
          label: 'What would you like to talk about?',
          type: 'textarea',
          required: true,
        },
      ],
      submitLabel: 'Book the meeting',
    },
    da: {
      name: 'Anmodning om indledende møde',
      fields: [
        { name: 'fullName', label: 'Fulde navn', type: 'text', required: true },
        { name: 'email', label: 'E-mail', type: 'email', required: true },
        { name: 'phoneNumber', label: 'Telefon', type: 'tel', required: false },
        {
          name: 'challenge',
          label: 'Hvad vil du gerne tale om?',
          type: 'textarea',
          required: true,
        },
      ],
      submitLabel: 'Book mødet',
    },
  },
  {
    key: 'form-restaurant-demo-request',
    stage: 'decision',
    personas: ['restaurant-owner'],
    published: true,
    en: {
      name: 'Restaurant demo request',
      fields: [
        { name: 'restaurantName', label: 'Restaurant name', type: 'text', required: true },
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'phoneNumber', label: 'Phone', type: 'tel', required: true },
        { name: 'numberOfSeats', label: 'Number of seats', type: 'number', required: false },
      ],
      submitLabel: 'Book my demo',
    },
    da: {
      name: 'Bestil en restaurantdemo',
      fields: [
        { name: 'restaurantName', label: 'Restaurantens navn', type: 'text', required: true },
        { name: 'email', label: 'E-mail', type: 'email', required: true },
        { name: 'phoneNumber', label: 'Telefon', type: 'tel', required: true },
        { name: 'numberOfSeats', label: 'Antal pladser', type: 'number', required: false },
      ],
      submitLabel: 'Book min demo',
    },
  },
  {
    key: 'form-b2b-quote-request',
    stage: 'decision',
    personas: ['b2b-buyer', 'webshop-manager'],
    published: true,
    en: {
      name: 'Quote request',
      fields: [
        { name: 'companyName', label: 'Company', type: 'text', required: true },
        { name: 'workEmail', label: 'Work email', type: 'email', required: true },
        {
          name: 'plan',
          label: 'Plan',
          type: 'select',
          required: true,
          options: [
            { value: 'starter', label: 'Starter' },
            { value: 'business', label: 'Business' },
            { value: 'enterprise', label: 'Enterprise' },
          ],
        },
        { name: 'numberOfUsers', label: 'Number of users', type: 'number', required: false },
        {
          name: 'requirements',
          label: 'Requirements and integrations',
          type: 'textarea',
          required: false,
        },
      ],
      submitLabel: 'Request quote',
    },
  },
  {
    key: 'form-trial-signup',
    stage: 'decision',
    personas: ['startup-app-user'],
    published: false,
    en: {
      name: 'Free trial signup',
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true },
        { name: 'fullName', label: 'Full name', type: 'text', required: true },
        {
          name: 'acceptsTerms',
          label: 'I accept the terms of service',
          type: 'checkbox',
          required: true,
        },
      ],
      submitLabel: 'Start free trial',
    },
  },
  {
    key: 'form-customer-feedback',
    stage: 'retention',
    personas: ['restaurant-owner', 'consulting-client'],
    published: true,
    en: {
      name: 'Customer feedback',
      fields: [
        {
          name: 'recommendScore',
          label: 'How likely are you to recommend us (0-10)?',
          type: 'number',
          required: true,
        },
        { name: 'whatWorked', label: 'What did you like?', type: 'textarea', required: false },
        {
          name: 'improvements',
          label: 'What could we do better?',
          type: 'textarea',
          required: false,
        },
        {
          name: 'mayContact',
          label: 'You may contact me about my answers',
          type: 'checkbox',
          required: false,
        },
      ],
      submitLabel: 'Send feedback',
    },
    da: {
      name: 'Kundefeedback',
      fields: [
        {
          name: 'recommendScore',
          label: 'Hvor sandsynligt er det, at du vil anbefale os (0-10)?',
          type: 'number',
          required: true,
        },
        { name: 'whatWorked', label: 'Hvad kunne du lide?', type: 'textarea', required: false },
        {
          name: 'improvements',
          label: 'Hvad kunne vi gøre bedre?',
          type: 'textarea',
          required: false,
        },
        {
          name: 'mayContact',
          label: 'I må gerne kontakte mig om mine svar',
          type: 'checkbox',
          required: false,
        },
      ],
      submitLabel: 'Send feedback',
    },
  },
  {
    key: 'form-support-request',
    stage: 'retention',
    personas: ['webshop-manager', 'startup-app-user'],
    published: true,
    en: {
      name: 'Support request',
      fields: [
        { name: 'email', label: 'Email', type: 'email', required: true },
        {
          name: 'product',
          label: 'Product',
          type: 'select',
          required: true,
          options: [
            { value: 'booking', label: 'Table booking' },
            { value: 'webshop', label: 'Webshop' },
            { value: 'analytics', label: 'Analytics' },
          ],
        },
        { name: 'subject', label: 'Subject', type: 'text', required: true },
        { name: 'message', label: 'Describe the problem', type: 'textarea', required: true },
      ],
      submitLabel: 'Send request',
    },
  },
];

// ---------------------------------------------------------------------------
// Images, SEO and CTA targets
// ---------------------------------------------------------------------------

/**
 * The demo's images (playground/src/seed/images, 1-2 KB PNGs): one per stage, used as the cover of
 * every blog post and the hero of every landing page at that stage, and one share image for the
 * SEO component of all of them.
 */
export const DEMO_IMAGES = {
  awareness: { file: 'awareness.png', alt: 'A path of five steps, the first one reached' },
  consideration: { file: 'consideration.png', alt: 'A path of five steps, the second one reached' },
  decision: { file: 'decision.png', alt: 'A path of five steps, the third one reached' },
  retention: { file: 'retention.png', alt: 'A path of five steps, the fourth one reached' },
  advocacy: { file: 'advocacy.png', alt: 'A path of five steps, all of them reached' },
  share: { file: 'share.png', alt: 'Kompas: the customer journey, step by step' },
} as const satisfies Record<DemoStage | 'share', { file: string; alt: string }>;

export type DemoImageName = keyof typeof DEMO_IMAGES;

/**
 * Where each CTA leads, by CTA key: its style and, for most, the landing page (by English slug) or
 * form (by English name) it opens. Targets are published, and a CTA with a Danish version leads to
 * a target that has one too. Two CTAs lead nowhere in the CMS (their target is a plain URL).
 */
export const DEMO_CTA_TARGETS: Record<
  string,
  { style: 'primary' | 'secondary'; landingPage?: string; form?: string }
> = {
  'cta-download-journey-guide': { style: 'primary', landingPage: 'customer-journey-guide' },
  'cta-subscribe-newsletter': { style: 'secondary', form: 'Newsletter signup' },
  'cta-read-restaurant-trends': { style: 'secondary', landingPage: 'digital-restaurant' },
  'cta-compare-plans': { style: 'primary', landingPage: 'kompas-tasks-features' },
  'cta-book-intro-meeting': { style: 'primary', form: 'Introductory meeting request' },
  'cta-download-case-studies': { style: 'secondary' },
  'cta-book-a-demo': { style: 'primary', form: 'Restaurant demo request' },
  'cta-start-free-trial': { style: 'primary' },
  'cta-request-a-quote': { style: 'primary', form: 'Quote request' },
  'cta-contact-support': { style: 'secondary', landingPage: 'help-centre' },
};
