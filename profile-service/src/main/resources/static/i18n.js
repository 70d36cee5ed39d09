// The page texts in English and German. The language follows the browser (navigator.language) until the person
// picks one with the switch in the header; the choice is kept in localStorage. Elements name their text with
// data-i18n (text), data-i18n-placeholder and data-i18n-aria-label.
const MOSAIC_TEXTS = {
  en: {
    'nav.steward': 'Stewardship',
    'steward.title': 'Mosaic – identity stewardship',
    'steward.subtitle': 'Why records belong together, and what to change',
    'steward.which': 'Profile id or email address',
    'steward.show': 'Show identity graph',
    'steward.graphLabel': 'Identity graph: records and the links between them',
    'steward.legend.exact': 'shared identifier',
    'steward.legend.probabilistic': 'matched by the model',
    'steward.legend.steward': 'merged by a steward',
    'steward.records': 'Records',
    'steward.select': 'Split off',
    'steward.selectRecord': 'Split off {record}',
    'steward.kind': 'Kind',
    'steward.identifiers': 'Identifiers',
    'steward.split': 'Split the selected records into a new profile',
    'steward.links': 'Links',
    'steward.from': 'From',
    'steward.to': 'To',
    'steward.rule': 'Rule',
    'steward.score': 'Probability',
    'steward.fields': 'Fields (weight)',
    'steward.other': 'Merge another profile into this one (its id)',
    'steward.merge': 'Merge',
    'steward.review': 'Review queue',
    'steward.loadReview': 'Load pairs to review',
    'steward.first': 'First record',
    'steward.second': 'Second record',
    'steward.reason': 'Why it waits',
    'steward.generic': 'Generic identifiers',
    'steward.loadGeneric': 'Load generic identifiers',
    'steward.type': 'Type',
    'steward.value': 'Value',
    'steward.recordCount': 'Records',
    'steward.action': 'Action',
    'steward.trust': 'Trust this value',
    'steward.trusted': 'The value is trusted again from the next resolution on.',
    'steward.profile': 'Profile {id}',
    'steward.failed': 'That did not work ({status}).',
    'steward.chooseRecords': 'Choose the records to split off first.',
    'steward.confirmSplit': 'Move {count} record(s) out of profile {id} into a new profile? Later runs keep them apart.',
    'steward.splitDone': 'Split done: the records are now profile {id}.',
    'steward.confirmMerge': 'Merge profile {other} into profile {id}? Later runs keep them together.',
    'steward.mergeDone': 'Merged.',
    'steward.nothingToReview': 'Nothing waits for review.',
    'nav.label': 'Pages',
    'nav.lookup': 'Find a customer',
    'nav.imports': 'Imports',
    'language': 'Language',
    'apiKey': 'API key',
    'lookup.title': 'Mosaic – find a customer',
    'lookup.subtitle': 'Find a customer by email',
    'lookup.email': 'Email address',
    'lookup.submit': 'Find customer',
    'lookup.searching': 'Searching…',
    'lookup.notFound': 'No customer has this email address.',
    'lookup.failed': 'The lookup failed ({status}).',
    'lookup.noName': '(no name)',
    'profile.id': 'Profile',
    'profile.emails': 'Emails',
    'profile.phones': 'Phones',
    'profile.loyalty': 'Loyalty ids',
    'profile.records': 'Source records',
    'col.source': 'Source',
    'col.record': 'Record',
    'col.name': 'Name',
    'col.email': 'Email',
    'col.city': 'City',
    'error.key': 'The API key was not accepted. Check it and try again.',
    'error.network': 'Mosaic cannot be reached. Check that it is running and try again.',
    'imports.title': 'Mosaic – imports',
    'imports.subtitle': 'Import a file and watch it land',
    'imports.file': 'File',
    'imports.fileHint': 'CSV or JSON Lines, may be gzip-compressed',
    'imports.type': 'What the file holds',
    'imports.type.customers': 'Customers',
    'imports.type.purchases': 'Purchases',
    'imports.type.tickets': 'Support tickets',
    'imports.type.campaign_responses': 'Campaign responses',
    'imports.type.social_interactions': 'Social interactions',
    'imports.mapping': 'Column layout',
    'imports.mapping.none': 'Mosaic’s own columns',
    'imports.mapping.febrl': 'Febrl person file (customers)',
    'imports.submit': 'Import file',
    'imports.chooseFile': 'Choose a file first.',
    'imports.uploading': 'Uploading {percent} %…',
    'imports.refused': 'The file was not imported: {detail}',
    'imports.failedToStart': 'The import could not start ({status}).',
    'imports.progress': 'Import progress',
    'imports.rowsOf': '{read} of {expected} rows ({percent} %)',
    'imports.rows': '{read} rows',
    'imports.state.QUEUED': 'Waiting to start',
    'imports.state.RUNNING': 'Importing',
    'imports.state.COMPLETED': 'Finished',
    'imports.state.FAILED': 'Failed',
    'imports.state.STOPPED': 'Stopped',
    'imports.state.UNKNOWN': 'Unknown',
    'imports.failure': 'Why it failed: {failure}',
    'imports.lostTrack': 'The import’s status cannot be read right now; Mosaic keeps importing. Reload to try again.',
    'count.read': 'Rows read',
    'count.imported': 'New records',
    'count.updated': 'Updated',
    'count.unchanged': 'Unchanged',
    'count.quarantined': 'Quarantined',
    'quarantine.title': 'Quarantined rows',
    'quarantine.none': 'No row was quarantined.',
    'quarantine.some': '{count} row(s) could not become records. They are kept here with the reason; fix them in the file and import it again.',
    'col.row': 'Row',
    'col.reason': 'Reason',
    'col.raw': 'The row as it was'
  },
  de: {
    'nav.steward': 'Datenpflege',
    'steward.title': 'Mosaic – Identitäten pflegen',
    'steward.subtitle': 'Warum Datensätze zusammengehören, und was zu ändern ist',
    'steward.which': 'Profil-ID oder E-Mail-Adresse',
    'steward.show': 'Identitätsgraph zeigen',
    'steward.graphLabel': 'Identitätsgraph: Datensätze und ihre Verknüpfungen',
    'steward.legend.exact': 'gemeinsames Merkmal',
    'steward.legend.probabilistic': 'vom Modell erkannt',
    'steward.legend.steward': 'von Hand zusammengeführt',
    'steward.records': 'Datensätze',
    'steward.select': 'Abtrennen',
    'steward.selectRecord': '{record} abtrennen',
    'steward.kind': 'Art',
    'steward.identifiers': 'Merkmale',
    'steward.split': 'Ausgewählte Datensätze in ein neues Profil abtrennen',
    'steward.links': 'Verknüpfungen',
    'steward.from': 'Von',
    'steward.to': 'Nach',
    'steward.rule': 'Regel',
    'steward.score': 'Wahrscheinlichkeit',
    'steward.fields': 'Felder (Gewicht)',
    'steward.other': 'Ein anderes Profil hier hinein zusammenführen (seine ID)',
    'steward.merge': 'Zusammenführen',
    'steward.review': 'Prüfliste',
    'steward.loadReview': 'Zu prüfende Paare laden',
    'steward.first': 'Erster Datensatz',
    'steward.second': 'Zweiter Datensatz',
    'steward.reason': 'Warum es wartet',
    'steward.generic': 'Allgemeine Merkmale',
    'steward.loadGeneric': 'Allgemeine Merkmale laden',
    'steward.type': 'Art',
    'steward.value': 'Wert',
    'steward.recordCount': 'Datensätze',
    'steward.action': 'Aktion',
    'steward.trust': 'Diesem Wert vertrauen',
    'steward.trusted': 'Dem Wert wird ab der nächsten Auflösung wieder vertraut.',
    'steward.profile': 'Profil {id}',
    'steward.failed': 'Das hat nicht geklappt ({status}).',
    'steward.chooseRecords': 'Bitte zuerst die abzutrennenden Datensätze wählen.',
    'steward.confirmSplit': '{count} Datensatz/Datensätze aus Profil {id} in ein neues Profil verschieben? Spätere Läufe halten sie getrennt.',
    'steward.splitDone': 'Abgetrennt: Die Datensätze sind jetzt Profil {id}.',
    'steward.confirmMerge': 'Profil {other} mit Profil {id} zusammenführen? Spätere Läufe halten sie zusammen.',
    'steward.mergeDone': 'Zusammengeführt.',
    'steward.nothingToReview': 'Nichts wartet auf Prüfung.',
    'nav.label': 'Seiten',
    'nav.lookup': 'Kunden finden',
    'nav.imports': 'Importe',
    'language': 'Sprache',
    'apiKey': 'API-Schlüssel',
    'lookup.title': 'Mosaic – Kunden finden',
    'lookup.subtitle': 'Kunden per E-Mail finden',
    'lookup.email': 'E-Mail-Adresse',
    'lookup.submit': 'Kunden suchen',
    'lookup.searching': 'Suche läuft…',
    'lookup.notFound': 'Kein Kunde hat diese E-Mail-Adresse.',
    'lookup.failed': 'Die Suche ist fehlgeschlagen ({status}).',
    'lookup.noName': '(kein Name)',
    'profile.id': 'Profil',
    'profile.emails': 'E-Mails',
    'profile.phones': 'Telefon',
    'profile.loyalty': 'Kundenkarten',
    'profile.records': 'Quelldatensätze',
    'col.source': 'Quelle',
    'col.record': 'Datensatz',
    'col.name': 'Name',
    'col.email': 'E-Mail',
    'col.city': 'Ort',
    'error.key': 'Der API-Schlüssel wurde nicht angenommen. Bitte prüfen und noch einmal versuchen.',
    'error.network': 'Mosaic ist nicht erreichbar. Bitte prüfen, ob es läuft, und noch einmal versuchen.',
    'imports.title': 'Mosaic – Importe',
    'imports.subtitle': 'Eine Datei importieren und zusehen, wie sie ankommt',
    'imports.file': 'Datei',
    'imports.fileHint': 'CSV oder JSON Lines, auch gzip-komprimiert',
    'imports.type': 'Was die Datei enthält',
    'imports.type.customers': 'Kunden',
    'imports.type.purchases': 'Einkäufe',
    'imports.type.tickets': 'Support-Tickets',
    'imports.type.campaign_responses': 'Kampagnen-Reaktionen',
    'imports.type.social_interactions': 'Social-Media-Kontakte',
    'imports.mapping': 'Spaltenaufbau',
    'imports.mapping.none': 'Mosaics eigene Spalten',
    'imports.mapping.febrl': 'Febrl-Personendatei (Kunden)',
    'imports.submit': 'Datei importieren',
    'imports.chooseFile': 'Bitte zuerst eine Datei wählen.',
    'imports.uploading': 'Hochladen {percent} %…',
    'imports.refused': 'Die Datei wurde nicht importiert: {detail}',
    'imports.failedToStart': 'Der Import konnte nicht starten ({status}).',
    'imports.progress': 'Fortschritt des Imports',
    'imports.rowsOf': '{read} von {expected} Zeilen ({percent} %)',
    'imports.rows': '{read} Zeilen',
    'imports.state.QUEUED': 'Wartet auf den Start',
    'imports.state.RUNNING': 'Import läuft',
    'imports.state.COMPLETED': 'Fertig',
    'imports.state.FAILED': 'Fehlgeschlagen',
    'imports.state.STOPPED': 'Angehalten',
    'imports.state.UNKNOWN': 'Unbekannt',
    'imports.failure': 'Grund: {failure}',
    'imports.lostTrack': 'Der Stand des Imports ist gerade nicht lesbar; Mosaic importiert weiter. Zum erneuten Versuch die Seite neu laden.',
    'count.read': 'Zeilen gelesen',
    'count.imported': 'Neue Datensätze',
    'count.updated': 'Geändert',
    'count.unchanged': 'Unverändert',
    'count.quarantined': 'In Quarantäne',
    'quarantine.title': 'Zeilen in Quarantäne',
    'quarantine.none': 'Keine Zeile kam in Quarantäne.',
    'quarantine.some': '{count} Zeile(n) konnten keine Datensätze werden. Sie sind hier mit dem Grund aufbewahrt; in der Datei korrigieren und erneut importieren.',
    'col.row': 'Zeile',
    'col.reason': 'Grund',
    'col.raw': 'Die Zeile, wie sie war'
  }
};

const Mosaic = (() => {
  const stored = localStorage.getItem('mosaic-language');
  let language = stored in MOSAIC_TEXTS ? stored
      : ((navigator.language || 'en').toLowerCase().startsWith('de') ? 'de' : 'en');

  function t(key, params = {}) {
    const template = MOSAIC_TEXTS[language][key] ?? MOSAIC_TEXTS.en[key] ?? key;
    return template.replace(/\{(\w+)}/g, (_, name) => String(params[name] ?? ''));
  }

  function number(value) {
    return new Intl.NumberFormat(language).format(value);
  }

  function apply() {
    document.documentElement.lang = language;
    document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((element) => {
      element.placeholder = t(element.dataset.i18nPlaceholder);
    });
    document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
      element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
    });
    const title = document.querySelector('title[data-i18n-title]');
    if (title) { document.title = t(title.dataset.i18nTitle); }
    const picker = document.getElementById('language');
    if (picker) { picker.value = language; }
    document.dispatchEvent(new CustomEvent('mosaic:language'));
  }

  function setLanguage(next) {
    language = next in MOSAIC_TEXTS ? next : 'en';
    localStorage.setItem('mosaic-language', language);
    apply();
  }

  // The key stays in this tab only (sessionStorage), shared by the pages of the tab.
  function bindApiKey(input) {
    input.value = sessionStorage.getItem('mosaic-api-key') || '';
    input.addEventListener('change', () => sessionStorage.setItem('mosaic-api-key', input.value));
    return () => { sessionStorage.setItem('mosaic-api-key', input.value); return input.value; };
  }

  // Every page calls the API through here, so how a request proves who sends it is decided in one place. Resolves to
  // the fetch Response; rejects only when the server cannot be reached.
  function request(method, path, body) {
    const input = document.getElementById('api-key');
    const key = input ? input.value : (sessionStorage.getItem('mosaic-api-key') || '');
    const headers = { 'X-API-Key': key };
    const isForm = body instanceof FormData;
    if (body !== undefined && !isForm) { headers['Content-Type'] = 'application/json'; }
    return fetch(path, { method, headers, body: body === undefined || isForm ? body : JSON.stringify(body) });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const picker = document.getElementById('language');
    if (picker) { picker.addEventListener('change', () => setLanguage(picker.value)); }
    apply();
  });

  return { t, number, apply, setLanguage, bindApiKey, request, get language() { return language; } };
})();
