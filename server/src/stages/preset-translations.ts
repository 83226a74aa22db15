/**
 * The presets in Danish, Norwegian (Bokmål) and Swedish, written from the seed articles' own words
 * rather than translated from the English: stage names as the articles name their phases, keywords
 * as a searcher in that language types them (`hvad er`, `hva koster`, `bästa`), touchpoints as the
 * articles list them (SoMe, jungeltelegrafen, kundesenter).
 *
 * - `default` (five steps of the Danish article "Den digitale kunderejse": research, overvejelse,
 *   køb, brug, advocacy). Danish labels take "kendskab" and "loyalitet" from the second Danish
 *   article ("Forstå din kunde": kendskabsaktiviteter, kontaktpunkter, genkøb og loyalitet), the
 *   Norwegian ones the stage words of "Hva er Kunde reisen?" (bevissthet, vurdering, kjøp,
 *   lojalitet), the Swedish ones those of "Vad är Customer journey?" (medvetenhet, övervägande).
 * - `see-think-do-care` (the Norwegian article "improve digital experiences": bevissthet,
 *   vurdering, beslutning, glede, and its touchpoints: jungeltelegrafen, landingsside, kundesenter,
 *   selvbetjening, kuponger).
 * - `five-step` (the Swedish article: medvetenhet, forskning, övervägande, beslut, efterköp).
 */
import type { StageText } from './types';

export const PRESET_LOCALES = ['da', 'nb', 'sv'] as const;
export type PresetLocale = (typeof PRESET_LOCALES)[number];

/** Per preset, per stage key: the stage's texts in each preset locale. */
export type PresetTranslations = Record<string, Record<PresetLocale, StageText>>;

export const DEFAULT_PRESET_TRANSLATIONS: PresetTranslations = {
  awareness: {
    da: {
      label: 'Kendskab',
      description:
        'Kunden har fået et behov og lærer, hvilke produkter og tjenester der findes: via annoncer, anbefalinger fra venner og familie eller sociale medier. Indholdet skal sætte ord på udfordringen og hjælpe med at forstå den, ikke sælge.',
      questions: [
        'Hvad skyldes problemet, og er det almindeligt?',
        'Hvilke løsninger findes der for en virksomhed som min?',
        'Hvad er de nyeste trends i min branche?',
        'Hvad siger venner, kolleger og andre kunder?',
      ],
      keywords: ['hvad er', 'hvordan', 'hvorfor', 'tips', 'guide', 'eksempler', 'trends'],
      touchpoints: ['SoMe', 'Søgning', 'Blogs', 'Annoncer', 'Anbefalinger', 'Messestand'],
    },
    nb: {
      label: 'Bevissthet',
      description:
        'Kunden har oppdaget et behov eller problem og finner ut hvilke produkter og tjenester som finnes, ofte via annonser, anbefalinger fra venner og familie eller sosiale medier. Innholdet skal sette ord på utfordringen og hjelpe kunden å forstå den, ikke selge.',
      questions: [
        'Hva skyldes problemet, og er det vanlig?',
        'Hvilke løsninger finnes for en bedrift som min?',
        'Hva er de siste trendene i bransjen min?',
        'Hva sier venner, kolleger og andre kunder?',
      ],
      keywords: ['hva er', 'hvordan', 'hvorfor', 'tips', 'guide', 'eksempler', 'trender'],
      touchpoints: [
        'Sosiale medier',
        'Søk',
        'Blogg',
        'Nettannonser',
        'Jungeltelegrafen',
        'PR og print',
      ],
    },
    sv: {
      label: 'Medvetenhet',
      description:
        'Kunden har upptäckt ett behov eller problem och tar reda på vilka produkter och tjänster som finns, ofta via annonser, rekommendationer från vänner och familj eller sociala medier. Innehållet ska sätta ord på utmaningen och hjälpa kunden att förstå den, inte sälja.',
      questions: [
        'Vad orsakar problemet, och är det vanligt?',
        'Vilka lösningar finns för ett företag som mitt?',
        'Vilka är de senaste trenderna i min bransch?',
        'Vad säger vänner, kollegor och andra kunder?',
      ],
      keywords: ['vad är', 'hur gör man', 'varför', 'tips', 'guide', 'exempel', 'trender'],
      touchpoints: ['Sociala medier', 'Sök', 'Blogg', 'Annonser', 'Rekommendationer', 'PR'],
    },
  },
  consideration: {
    da: {
      label: 'Overvejelse',
      description:
        'Kunden kender problemet og sammenligner muligheder: afvejer fordele og ulemper ved forskellige valg. Indholdet skal give guides, cases og ærlige sammenligninger, der viser, hvordan din løsning klarer udfordringen.',
      questions: [
        'Hvilke muligheder har jeg, og hvordan adskiller de sig?',
        'Hvad er fordele og ulemper ved hvert valg?',
        'Har det virket for virksomheder som min?',
        'Hvilken løsning eller leverandør passer bedst til mine behov?',
      ],
      keywords: [
        'bedste',
        'vs',
        'sammenligning',
        'alternativer',
        'anmeldelser',
        'test',
        'erfaringer',
      ],
      touchpoints: ['Søgning', 'Landingsside', 'Blogs', 'Reviews', 'Brochure', 'Webside'],
    },
    nb: {
      label: 'Vurdering',
      description:
        'Kunden har definert problemet og sammenligner alternativer, veier fordeler og ulemper ved ulike valg. Innholdet skal gi guider, kundecaser og ærlige sammenligninger som viser hvordan løsningen din løser utfordringen.',
      questions: [
        'Hvilke alternativer har jeg, og hvordan skiller de seg fra hverandre?',
        'Hva er fordelene og ulempene ved hvert valg?',
        'Har dette fungert for bedrifter som min?',
        'Hvilken plattform eller leverandør passer best til mine behov?',
      ],
      keywords: [
        'beste',
        'vs',
        'sammenligning',
        'alternativer',
        'anmeldelser',
        'test',
        'erfaringer',
      ],
      touchpoints: [
        'Søk',
        'Landingsside',
        'Blogg',
        'Anmeldelser',
        'Premiuminnhold',
        'Tredjepartssider',
      ],
    },
    sv: {
      label: 'Övervägande',
      description:
        'Kunden har definierat problemet och jämför alternativ, väger för- och nackdelar med olika val. Innehållet ska ge guider, kundcase och ärliga jämförelser som visar hur din lösning löser utmaningen.',
      questions: [
        'Vilka alternativ har jag, och hur skiljer de sig åt?',
        'Vilka är för- och nackdelarna med varje val?',
        'Har det fungerat för företag som mitt?',
        'Vilken plattform eller leverantör passar mina behov bäst?',
      ],
      keywords: ['bästa', 'vs', 'jämförelse', 'alternativ', 'recension', 'omdömen', 'test'],
      touchpoints: ['Sök', 'Landningssida', 'Blogg', 'Recensioner', 'Kundcase', 'Jämförelsesajter'],
    },
  },
  decision: {
    da: {
      label: 'Køb',
      description:
        'Kunden har valgt og skal have en kort og glat vej til købet: bekræfte ordren, betale og modtage produktet. Indholdet skal vise, at din løsning er det rigtige valg, og fjerne enhver forhindring på vejen.',
      questions: [
        'Hvad koster det, og hvilke betalingsformer er der?',
        'Hvor hurtigt kan jeg komme i gang eller få min ordre?',
        'Kan jeg tale med nogen, før jeg beslutter mig?',
        'Hvad sker der, hvis det ikke passer mig?',
      ],
      keywords: ['pris', 'køb', 'bestil', 'tilbud', 'rabat', 'levering', 'gratis prøve'],
      touchpoints: ['Webside', 'Butik', 'Kundeservice', 'Formularer', 'Call to action'],
    },
    nb: {
      label: 'Kjøp',
      description:
        'Kunden har bestemt seg og trenger en kort og smidig vei til kjøpet: bekrefte bestillingen, betale og motta produktet. Innholdet skal vise at løsningen din er riktig valg og fjerne alle hindringer på veien.',
      questions: [
        'Hva koster det, og hvilke betalingsmåter finnes?',
        'Hvor raskt kan jeg komme i gang eller få bestillingen min?',
        'Kan jeg snakke med noen før jeg bestemmer meg?',
        'Hva skjer hvis det ikke passer for meg?',
      ],
      keywords: ['pris', 'kjøp', 'bestill', 'tilbud', 'rabatt', 'levering', 'gratis prøveperiode'],
      touchpoints: ['Nettside', 'Butikk', 'Kundesenter', 'Skjemaer', 'Call to action'],
    },
    sv: {
      label: 'Köp',
      description:
        'Kunden har bestämt sig och behöver en kort och smidig väg till köpet: bekräfta ordern, betala och få produkten. Innehållet ska visa att din lösning är rätt val och ta bort alla hinder på vägen.',
      questions: [
        'Vad kostar det, och vilka betalsätt finns?',
        'Hur snabbt kan jag komma igång eller få min order?',
        'Kan jag prata med någon innan jag bestämmer mig?',
        'Vad händer om det inte passar mig?',
      ],
      keywords: [
        'pris',
        'köpa',
        'beställ',
        'erbjudande',
        'rabatt',
        'leverans',
        'gratis provperiod',
      ],
      touchpoints: ['Webbplats', 'Butik', 'Kundtjänst', 'Formulär', 'Call to action'],
    },
  },
  retention: {
    da: {
      label: 'Brug',
      description:
        'Kunden bruger det købte og kan løbe ind i problemer eller have spørgsmål om brugen. Indholdet skal hjælpe kunden til at lykkes med hurtig kundeservice, instruktionsmanualer og opfølgning, så kunden er tilfreds og vender tilbage efter mere.',
      questions: [
        'Hvordan sætter jeg det op og får mest ud af det?',
        'Hvem kan hjælpe mig, når noget går galt?',
        'Hvad er nyt, og hvad kunne ellers være nyttigt for mig?',
        'Er det værd at købe hos dem igen?',
      ],
      keywords: ['vejledning', 'opsætning', 'support', 'hjælp', 'manual', 'fejl', 'log ind'],
      touchpoints: [
        'Kundeservice',
        'Nyhedsbreve',
        'E-mail',
        'Instruktionsmanualer',
        'Telefonsupport',
        'Emballage',
      ],
    },
    nb: {
      label: 'Bruk',
      description:
        'Kunden bruker det som ble kjøpt og kan møte problemer eller ha spørsmål om bruken. Innholdet skal hjelpe kunden å lykkes gjennom rask kundeservice, bruksanvisninger og oppfølging, slik at kunden er fornøyd og kommer tilbake.',
      questions: [
        'Hvordan setter jeg det opp og får mest ut av det?',
        'Hvem kan hjelpe meg når noe går galt?',
        'Hva er nytt, og hva annet kan være nyttig for meg?',
        'Er det verdt å kjøpe fra dem igjen?',
      ],
      keywords: ['bruksanvisning', 'oppsett', 'support', 'hjelp', 'manual', 'feil', 'logg inn'],
      touchpoints: [
        'Kundeservice',
        'Nyhetsbrev',
        'E-post',
        'Bruksanvisninger',
        'Selvbetjening',
        'Chat',
      ],
    },
    sv: {
      label: 'Användning',
      description:
        'Kunden använder det som köptes och kan stöta på problem eller ha frågor om användningen. Innehållet ska hjälpa kunden att lyckas genom snabb kundtjänst, bruksanvisningar och uppföljning, så att kunden blir nöjd och kommer tillbaka.',
      questions: [
        'Hur kommer jag igång och får ut mest av det?',
        'Vem kan hjälpa mig när något går fel?',
        'Vad är nytt, och vad mer kan vara användbart för mig?',
        'Är det värt att köpa av dem igen?',
      ],
      keywords: [
        'bruksanvisning',
        'kom igång',
        'support',
        'hjälp',
        'manual',
        'felsökning',
        'logga in',
      ],
      touchpoints: [
        'Kundtjänst',
        'Nyhetsbrev',
        'E-post',
        'Bruksanvisningar',
        'Självservice',
        'Chatt',
      ],
    },
  },
  advocacy: {
    da: {
      label: 'Loyalitet',
      description:
        'Tilfredse kunder køber igen og spreder budskabet om deres oplevelse: skriver anmeldelser online eller fortæller om den på sociale medier, og det påvirker kommende kunders rejse. Indholdet skal gøre det nemt og værd at anbefale dig.',
      questions: [
        'Hvordan kan jeg dele min oplevelse med andre?',
        'Får jeg noget for at anbefale dem?',
        'Hvor kan jeg skrive en anmeldelse?',
      ],
      keywords: [
        'anmeldelse',
        'anbefal',
        'henvis en ven',
        'del',
        'kundeklub',
        'fordele',
        'ambassadør',
      ],
      touchpoints: ['Reviews', 'SoMe', 'Anbefalinger', 'Nyhedsbreve', 'Kundeklub'],
    },
    nb: {
      label: 'Lojalitet',
      description:
        'Fornøyde kunder kjøper igjen og sprer budskapet om opplevelsen sin: skriver anmeldelser på nett eller deler på sosiale medier, og det former reisen til fremtidige kunder. Innholdet skal gjøre det enkelt og lønnsomt å anbefale deg.',
      questions: [
        'Hvordan kan jeg dele opplevelsen min med andre?',
        'Får jeg noe for å anbefale dem?',
        'Hvor kan jeg skrive en anmeldelse?',
      ],
      keywords: [
        'anmeldelse',
        'anbefal',
        'verv en venn',
        'del',
        'kundeklubb',
        'fordeler',
        'ambassadør',
      ],
      touchpoints: ['Anmeldelser', 'Sosiale medier', 'Jungeltelegrafen', 'E-post', 'Vervekampanje'],
    },
    sv: {
      label: 'Lojalitet',
      description:
        'Nöjda kunder köper igen och sprider budskapet om sin upplevelse: skriver recensioner på nätet eller delar i sociala medier, vilket formar framtida kunders resa. Innehållet ska göra det enkelt och lönsamt att rekommendera dig.',
      questions: [
        'Hur kan jag dela min upplevelse med andra?',
        'Får jag något för att rekommendera dem?',
        'Var kan jag skriva en recension?',
      ],
      keywords: [
        'recension',
        'rekommendera',
        'värva vän',
        'dela',
        'kundklubb',
        'förmåner',
        'ambassadör',
      ],
      touchpoints: ['Recensioner', 'Sociala medier', 'Rekommendationer', 'E-post', 'Kundklubb'],
    },
  },
};

export const SEE_THINK_DO_CARE_TRANSLATIONS: PresetTranslations = {
  awareness: {
    da: {
      label: 'Kendskab',
      description:
        'Kunderne opdager, at de har et problem, som restaurantejeren, der mister markedsandele på grund af en forældet hjemmeside. Tiltræk dem med indhold, der sætter ord på deres udfordringer, i de kanaler, hvor de allerede er.',
      questions: [
        'Hvilke digitale løsninger findes der for en virksomhed som min?',
        'Hvad er digitalisering, og hvorfor er det vigtigt?',
        'Hvad er de nyeste trends i min branche?',
        'Hvorfor mister jeg kunder til konkurrenterne?',
      ],
      keywords: [
        'hvad er',
        'trends',
        'digitale løsninger til',
        'hvorfor',
        'hvordan',
        'problemer med',
      ],
      touchpoints: ['SoMe', 'Søgning', 'Blogs', 'Landingsside', 'Annoncer', 'Anbefalinger'],
    },
    nb: {
      label: 'Bevissthet',
      description:
        'Kjøperne innser at de har et problem, som restauranteieren som taper markedsandeler på grunn av en utdatert nettside. Tiltrekk dem med innhold som identifiserer utfordringene deres, i kanalene der de allerede er.',
      questions: [
        'Hvilke digitale løsninger finnes for en bedrift som min?',
        'Hva er digitalisering, og hvorfor er det viktig?',
        'Hva er de siste trendene i bransjen min?',
        'Hvorfor taper jeg kunder til konkurrentene?',
      ],
      keywords: [
        'hva er',
        'trender',
        'digitale løsninger for',
        'hvorfor',
        'hvordan',
        'problemer med',
      ],
      touchpoints: [
        'Sosiale medier',
        'Søk',
        'Blogg',
        'Landingsside',
        'Nettannonser',
        'Jungeltelegrafen',
      ],
    },
    sv: {
      label: 'Medvetenhet',
      description:
        'Köparna inser att de har ett problem, som restaurangägaren som tappar marknadsandelar på grund av en föråldrad webbplats. Locka dem med innehåll som identifierar deras utmaningar, i de kanaler där de redan finns.',
      questions: [
        'Vilka digitala lösningar finns för ett företag som mitt?',
        'Vad är digitalisering, och varför spelar det roll?',
        'Vilka är de senaste trenderna i min bransch?',
        'Varför förlorar jag kunder till konkurrenterna?',
      ],
      keywords: [
        'vad är',
        'trender',
        'digitala lösningar för',
        'varför',
        'hur gör man',
        'problem med',
      ],
      touchpoints: [
        'Sociala medier',
        'Sök',
        'Blogg',
        'Landningssida',
        'Annonser',
        'Rekommendationer',
      ],
    },
  },
  consideration: {
    da: {
      label: 'Overvejelse',
      description:
        'Kunderne definerer deres problem og undersøger muligheder for at løse det. Giv dem guides og løsninger på deres udfordringer, med call to action og formularer, der fører dem videre.',
      questions: [
        'Hvordan kan jeg modernisere min virksomhed med digitale løsninger?',
        'Hvilken platform passer bedst til mine behov?',
        'Hvad skal der til for at komme i gang?',
        'Hvordan har andre løst problemet?',
      ],
      keywords: [
        'bedste platform til',
        'hvordan vælger jeg',
        'sammenligning',
        'guide',
        'case',
        'tjekliste',
      ],
      touchpoints: ['Søgning', 'Landingsside', 'Blogs', 'Call to action', 'Formularer', 'E-bøger'],
    },
    nb: {
      label: 'Vurdering',
      description:
        'Kjøperne definerer problemet sitt og undersøker alternativer for å løse det. Gi dem guider og løsninger for å overvinne utfordringene, med call to action og skjemaer som tar dem videre.',
      questions: [
        'Hvordan kan jeg modernisere bedriften min med digitale løsninger?',
        'Hvilken plattform passer best til mine behov?',
        'Hva trenger jeg for å komme i gang?',
        'Hvordan har andre løst dette problemet?',
      ],
      keywords: [
        'beste plattform for',
        'hvordan velge',
        'sammenligning',
        'guide',
        'kundecase',
        'sjekkliste',
      ],
      touchpoints: ['Søk', 'Landingsside', 'Blogg', 'Call to action', 'Skjemaer', 'Premiuminnhold'],
    },
    sv: {
      label: 'Övervägande',
      description:
        'Köparna definierar sitt problem och undersöker alternativ för att lösa det. Ge dem guider och lösningar på deras utmaningar, med call to action och formulär som tar dem vidare.',
      questions: [
        'Hur kan jag modernisera mitt företag med digitala lösningar?',
        'Vilken plattform passar mina behov bäst?',
        'Vad behöver jag för att komma igång?',
        'Hur har andra löst problemet?',
      ],
      keywords: [
        'bästa plattform för',
        'hur väljer man',
        'jämförelse',
        'guide',
        'kundcase',
        'checklista',
      ],
      touchpoints: ['Sök', 'Landningssida', 'Blogg', 'Call to action', 'Formulär', 'E-böcker'],
    },
  },
  decision: {
    da: {
      label: 'Beslutning',
      description:
        'Kunderne vælger en løsning på deres problem. Nu er det tid til at vise, at din løsning er den rigtige, på webside, apps, i butik og kundecenter.',
      questions: [
        'Hvorfor er denne løsning den rigtige for mig?',
        'Hvad koster det, og hvad er inkluderet?',
        'Kan jeg booke et møde eller en demo?',
        'Hvor hurtigt kan vi være i gang?',
      ],
      keywords: ['pris', 'book møde', 'demo', 'køb', 'bestil', 'gratis prøve'],
      touchpoints: ['Webside', 'Butik', 'Kundecenter', 'Apps', 'Call to action'],
    },
    nb: {
      label: 'Beslutning',
      description:
        'Kjøperne velger en løsning på problemet sitt. Nå er det på tide å markedsføre løsningen din som den riktige, på nettside, apper, i butikk og kundesenter.',
      questions: [
        'Hvorfor er denne løsningen riktig for meg?',
        'Hva koster det, og hva er inkludert?',
        'Kan jeg booke et møte eller en demo?',
        'Hvor raskt kan vi være i gang?',
      ],
      keywords: ['pris', 'book møte', 'demo', 'kjøp', 'bestill', 'gratis prøveperiode'],
      touchpoints: ['Nettside', 'Butikk', 'Kundesenter', 'Apper', 'Call to action'],
    },
    sv: {
      label: 'Beslut',
      description:
        'Köparna väljer en lösning på sitt problem. Nu är det dags att marknadsföra din lösning som den rätta, på webbplats, appar, i butik och kundcenter.',
      questions: [
        'Varför är den här lösningen rätt för mig?',
        'Vad kostar det, och vad ingår?',
        'Kan jag boka ett möte eller en demo?',
        'Hur snabbt kan vi vara igång?',
      ],
      keywords: ['pris', 'boka möte', 'demo', 'köpa', 'beställ', 'gratis provperiod'],
      touchpoints: ['Webbplats', 'Butik', 'Kundcenter', 'Appar', 'Call to action'],
    },
  },
  delight: {
    da: {
      label: 'Glæde',
      description:
        'Kunderne er tilfredse, får løbende service og bliver loyale ambassadører for dit brand. Brug indsigt i deres adfærd til at sende nyttigt indhold, og sørg for, at selvbetjeningen bare virker.',
      questions: [
        'Hvordan løser jeg det selv, lige nu?',
        'Hvad kan hjælpe mig med min næste udfordring?',
        'Er der tilbud eller nyheder til eksisterende kunder?',
        'Hvordan anbefaler jeg det til andre?',
      ],
      keywords: ['hjælp', 'support', 'hvordan', 'nyhedsbrev', 'kupon', 'log ind', 'anmeldelse'],
      touchpoints: ['Nyhedsbreve', 'E-mail', 'Chat', 'Selvbetjening', 'Kundecenter', 'Kuponer'],
    },
    nb: {
      label: 'Glede',
      description:
        'Kjøperne er fornøyde, får service i det uendelige og blir lojale ambassadører for merkevaren din. Bruk atferdsinnsikt til å sende nyttig innhold, og sørg for at selvbetjeningen rett og slett fungerer.',
      questions: [
        'Hvordan løser jeg dette selv, akkurat nå?',
        'Hva kan hjelpe meg med neste utfordring?',
        'Finnes det tilbud eller nyheter for eksisterende kunder?',
        'Hvordan anbefaler jeg dette til andre?',
      ],
      keywords: ['hjelp', 'support', 'hvordan', 'nyhetsbrev', 'kupong', 'logg inn', 'anmeldelse'],
      touchpoints: ['Nyhetsbrev', 'E-post', 'Chat', 'Selvbetjening', 'Kundesenter', 'Kuponger'],
    },
    sv: {
      label: 'Glädje',
      description:
        'Köparna är nöjda, får löpande service och blir lojala ambassadörer för ditt varumärke. Använd insikter om deras beteende för att skicka användbart innehåll, och se till att självservicen helt enkelt fungerar.',
      questions: [
        'Hur löser jag det här själv, just nu?',
        'Vad kan hjälpa mig med nästa utmaning?',
        'Finns det erbjudanden eller nyheter för befintliga kunder?',
        'Hur rekommenderar jag det här till andra?',
      ],
      keywords: [
        'hjälp',
        'support',
        'hur gör man',
        'nyhetsbrev',
        'kupong',
        'logga in',
        'recension',
      ],
      touchpoints: ['Nyhetsbrev', 'E-post', 'Chatt', 'Självservice', 'Kundcenter', 'Kuponger'],
    },
  },
};

export const FIVE_STEP_TRANSLATIONS: PresetTranslations = {
  awareness: {
    da: {
      label: 'Kendskab',
      description:
        'Kunden lærer et brand eller et produkt at kende gennem markedsføring eller anbefalinger. Indholdet skal skabe kendskab med relevante, hjælpsomme budskaber på rette tid og sted.',
      questions: [
        'Findes der en bedre måde at gøre det på?',
        'Hvem tilbyder produkter eller tjenester til det her behov?',
        'Hvad anbefaler folk omkring mig?',
      ],
      keywords: ['hvad er', 'hvordan', 'idéer', 'tips', 'trends', 'inspiration'],
      touchpoints: ['Annoncer', 'SoMe', 'Anbefalinger', 'Søgning', 'Blogs'],
    },
    nb: {
      label: 'Bevissthet',
      description:
        'Kunden blir klar over en merkevare eller et produkt gjennom markedsføring eller anbefalinger. Innholdet skal bygge bevissthet med relevante, nyttige budskap til rett tid og på rett sted.',
      questions: [
        'Finnes det en bedre måte å gjøre dette på?',
        'Hvem tilbyr produkter eller tjenester for dette behovet?',
        'Hva anbefaler folk rundt meg?',
      ],
      keywords: ['hva er', 'hvordan', 'ideer', 'tips', 'trender', 'inspirasjon'],
      touchpoints: ['Annonser', 'Sosiale medier', 'Anbefalinger', 'Søk', 'Blogg'],
    },
    sv: {
      label: 'Medvetenhet',
      description:
        'Kunden blir medveten om ett varumärke eller en produkt genom olika marknadsföringskanaler eller rekommendationer. Innehållet ska skapa medvetenhet med relevanta, hjälpsamma budskap vid rätt tid och plats.',
      questions: [
        'Finns det ett bättre sätt att göra det här?',
        'Vem erbjuder produkter eller tjänster för det här behovet?',
        'Vad rekommenderar folk i min omgivning?',
      ],
      keywords: ['vad är', 'hur gör man', 'idéer', 'tips', 'trender', 'inspiration'],
      touchpoints: ['Annonser', 'Sociala medier', 'Rekommendationer', 'Sök', 'Blogg'],
    },
  },
  research: {
    da: {
      label: 'Undersøgelse',
      description:
        'Kunden begynder at søge information og sammenligne alternativer, før beslutningen tages. Indholdet skal levere relevant og værdifuld information, der skaber tillid.',
      questions: [
        'Hvilke alternativer findes der?',
        'Hvad siger anmeldelser og andre kunder?',
        'Hvilke funktioner og fordele betyder mest?',
        'Hvor kan jeg læse mere, før jeg beslutter mig?',
      ],
      keywords: [
        'anmeldelser',
        'funktioner',
        'alternativer',
        'guide',
        'hvordan virker',
        'forklaret',
      ],
      touchpoints: ['Webside', 'Søgning', 'Reviews', 'Blogs', 'Nyhedsbreve'],
    },
    nb: {
      label: 'Undersøkelse',
      description:
        'Kunden begynner å søke etter informasjon og sammenligne alternativer før beslutningen tas. Innholdet skal gi relevant og verdifull informasjon som bygger tillit.',
      questions: [
        'Hvilke alternativer finnes?',
        'Hva sier anmeldelser og andre kunder?',
        'Hvilke funksjoner og fordeler betyr mest?',
        'Hvor kan jeg lese mer før jeg bestemmer meg?',
      ],
      keywords: [
        'anmeldelser',
        'funksjoner',
        'alternativer',
        'guide',
        'hvordan fungerer',
        'forklart',
      ],
      touchpoints: ['Nettside', 'Søk', 'Anmeldelser', 'Blogg', 'Nyhetsbrev'],
    },
    sv: {
      label: 'Forskning',
      description:
        'Kunden börjar söka efter information och jämföra olika alternativ för att fatta ett beslut. Innehållet ska leverera relevant och värdefull information som bygger förtroende.',
      questions: [
        'Vilka alternativ finns det?',
        'Vad säger recensioner och andra kunder?',
        'Vilka funktioner och fördelar är viktigast?',
        'Var kan jag läsa mer innan jag bestämmer mig?',
      ],
      keywords: ['recension', 'funktioner', 'alternativ', 'guide', 'hur fungerar', 'förklaring'],
      touchpoints: ['Webbplats', 'Sök', 'Recensioner', 'Blogg', 'Nyhetsbrev'],
    },
  },
  consideration: {
    da: {
      label: 'Overvejelse',
      description:
        'Kunden vurderer mulighederne og indsnævrer valget til et par stykker. Indholdet skal gøre forskellene tydelige med sammenligninger, cases og udtalelser fra kunder.',
      questions: [
        'Hvilken af mine favoritter passer bedst?',
        'Hvad er fordele og ulemper ved hver?',
        'Har det virket for virksomheder som min?',
      ],
      keywords: ['vs', 'sammenligning', 'bedste', 'case', 'erfaringer', 'prissammenligning'],
      touchpoints: ['Landingsside', 'Cases', 'Sammenligningssider', 'Salgsmøder', 'Formularer'],
    },
    nb: {
      label: 'Vurdering',
      description:
        'Kunden vurderer alternativene og snevrer inn valget til et par stykker. Innholdet skal gjøre forskjellene tydelige med sammenligninger, kundecaser og uttalelser fra kunder.',
      questions: [
        'Hvilket av alternativene på kortlisten passer best?',
        'Hva er fordelene og ulempene ved hvert av dem?',
        'Har dette fungert for bedrifter som min?',
      ],
      keywords: ['vs', 'sammenligning', 'beste', 'kundecase', 'erfaringer', 'prissammenligning'],
      touchpoints: ['Landingsside', 'Kundecaser', 'Tredjepartssider', 'Salgsmøter', 'Skjemaer'],
    },
    sv: {
      label: 'Övervägande',
      description:
        'Kunden bedömer de olika alternativen och börjar begränsa sitt val till ett par stycken. Innehållet ska göra skillnaderna tydliga med jämförelser, kundcase och omdömen.',
      questions: [
        'Vilket av alternativen på min lista passar bäst?',
        'Vilka är för- och nackdelarna med vart och ett?',
        'Har det fungerat för företag som mitt?',
      ],
      keywords: ['vs', 'jämförelse', 'bästa', 'kundcase', 'omdömen', 'jämför priser'],
      touchpoints: ['Landningssida', 'Kundcase', 'Jämförelsesajter', 'Säljmöten', 'Formulär'],
    },
  },
  decision: {
    da: {
      label: 'Beslutning',
      description:
        'Kunden træffer den endelige beslutning om at købe. Indholdet skal forenkle købsprocessen og gøre det nemt og bekvemt at købe.',
      questions: [
        'Hvad koster det, og hvordan betaler jeg?',
        'Hvordan bestiller jeg?',
        'Hvornår får jeg det, og kan jeg følge forsendelsen?',
      ],
      keywords: ['køb', 'pris', 'bestil', 'rabat', 'levering', 'tilbud'],
      touchpoints: ['Webshop', 'Butik', 'Kundeservice', 'Kassen', 'Ordrebekræftelse'],
    },
    nb: {
      label: 'Beslutning',
      description:
        'Kunden tar den endelige beslutningen om å kjøpe. Innholdet skal forenkle kjøpsprosessen og gjøre det enkelt og praktisk å handle.',
      questions: [
        'Hva koster det, og hvordan betaler jeg?',
        'Hvordan legger jeg inn bestillingen?',
        'Når får jeg den, og kan jeg spore pakken?',
      ],
      keywords: ['kjøp', 'pris', 'bestill', 'rabatt', 'levering', 'tilbud'],
      touchpoints: ['Nettbutikk', 'Butikk', 'Kundeservice', 'Kassen', 'Ordrebekreftelse'],
    },
    sv: {
      label: 'Beslut',
      description:
        'Kunden tar det slutliga beslutet att genomföra ett köp. Innehållet ska förenkla köpprocessen och göra det enkelt och bekvämt att handla.',
      questions: [
        'Vad kostar det, och hur betalar jag?',
        'Hur lägger jag min beställning?',
        'När får jag den, och kan jag spåra paketet?',
      ],
      keywords: ['köpa', 'pris', 'beställ', 'rabattkod', 'leverans', 'erbjudande'],
      touchpoints: ['Webbutik', 'Butik', 'Kundtjänst', 'Kassan', 'Orderbekräftelse'],
    },
  },
  'post-purchase': {
    da: {
      label: 'Efter købet',
      description:
        'Oplevelsen efter købet afgør langsigtede relationer og loyalitet. Følg op efter købet for at skabe genkøb, måle tilfredshed og skabe loyale kunder.',
      questions: [
        'Hvordan kommer jeg i gang med det, jeg har købt?',
        'Hvem kan hjælpe, hvis jeg har problemer?',
        'Er det værd at købe igen eller anbefale?',
        'Hvordan giver jeg feedback?',
      ],
      keywords: ['vejledning', 'support', 'returnering', 'garanti', 'reklamation', 'feedback'],
      touchpoints: ['Kundeservice', 'E-mail', 'Nyhedsbreve', 'Spørgeskemaer', 'Reviews', 'SoMe'],
    },
    nb: {
      label: 'Etter kjøpet',
      description:
        'Opplevelsen etter kjøpet avgjør langsiktige relasjoner og lojalitet. Følg opp etter kjøpet for å få gjenkjøp, måle tilfredshet og skape lojale kunder.',
      questions: [
        'Hvordan kommer jeg i gang med det jeg har kjøpt?',
        'Hvem kan hjelpe hvis jeg får problemer?',
        'Er det verdt å kjøpe igjen eller anbefale?',
        'Hvordan gir jeg tilbakemelding?',
      ],
      keywords: ['bruksanvisning', 'support', 'retur', 'garanti', 'reklamasjon', 'tilbakemelding'],
      touchpoints: [
        'Kundeservice',
        'E-post',
        'Nyhetsbrev',
        'Spørreundersøkelser',
        'Anmeldelser',
        'Sosiale medier',
      ],
    },
    sv: {
      label: 'Efterköp',
      description:
        'Kundens upplevelse efter köpet spelar en viktig roll för långsiktiga relationer och kundlojalitet. Följ upp efter köpet för att uppmuntra återkommande köp, mäta nöjdhet och skapa lojala kunder.',
      questions: [
        'Hur kommer jag igång med det jag köpt?',
        'Vem kan hjälpa mig om jag får problem?',
        'Är det värt att köpa igen eller rekommendera?',
        'Hur lämnar jag feedback?',
      ],
      keywords: ['bruksanvisning', 'support', 'retur', 'garanti', 'reklamation', 'omdöme'],
      touchpoints: [
        'Kundtjänst',
        'E-post',
        'Nyhetsbrev',
        'Enkäter',
        'Recensioner',
        'Sociala medier',
      ],
    },
  },
};
