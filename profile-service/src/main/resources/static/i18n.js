// The page texts in English and German. The language follows the browser (navigator.language) until the person
// picks one with the switch in the header; the choice is kept in localStorage. Elements name their text with
// data-i18n (text), data-i18n-placeholder and data-i18n-aria-label.
const MOSAIC_TEXTS = {
  en: {
    'login.title': 'Mosaic – sign in',
    'login.subtitle': 'Sign in to work with customer profiles',
    'login.heading': 'Sign in',
    'login.userName': 'User name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.signingIn': 'Signing in…',
    'login.wrong': 'The user name or the password is wrong.',
    'login.locked': 'Too many failed attempts with this user name. Try again in {seconds} seconds.',
    'login.missing': 'Enter your user name and your password.',
    'login.noCookies': 'Your browser did not keep Mosaic’s cookie. Allow cookies for this site and reload the page.',
    'login.failed': 'Signing in did not work ({status}). Try again.',
    'login.expired': 'Your session has ended. Sign in again to go on.',
    'login.signedOut': 'You are signed out.',
    'login.hint': 'Ask an administrator for an account. The administrator signs in as “admin” with the admin API key.',
    'login.signedInAs': 'Signed in as {name}',
    'login.signOut': 'Sign out',
    'login.pageDenied': 'Your roles do not include this page. Choose one of your pages above.',
    'nav.admin': 'Administration',
    'admin.title': 'Mosaic – administration',
    'admin.subtitle': 'People, API keys and erasure',
    'admin.people': 'People',
    'admin.keys': 'API keys',
    'admin.userName': 'User name',
    'admin.displayName': 'Name',
    'admin.roles': 'Roles',
    'admin.state': 'State',
    'admin.actions': 'Actions',
    'admin.created': 'Created',
    'admin.keyName': 'Key name',
    'admin.active': 'Active',
    'admin.disabled': 'Disabled',
    'admin.revokedOn': 'Revoked {date}',
    'admin.role.STAFF': 'Staff',
    'admin.role.MARKETER': 'Marketing',
    'admin.role.STEWARD': 'Data steward',
    'admin.role.SYSTEM': 'System',
    'admin.role.ADMIN': 'Administrator',
    'admin.newPerson': 'Add a person',
    'admin.password': 'Password (optional)',
    'admin.passwordHint': 'At least 12 characters. Leave empty and Mosaic makes one up and shows it once.',
    'admin.addPerson': 'Add person',
    'admin.newKey': 'Create an API key',
    'admin.keyNameHint': 'Say where it is used, e.g. store-berlin-tablet',
    'admin.createKey': 'Create key',
    'admin.editRoles': 'Roles…',
    'admin.editRolesOf': 'Roles of {name}',
    'admin.save': 'Save',
    'admin.cancel': 'Cancel',
    'admin.disable': 'Disable',
    'admin.enable': 'Enable',
    'admin.resetPassword': 'New password',
    'admin.revoke': 'Revoke',
    'admin.chooseRole': 'Choose at least one role.',
    'admin.personAdded': '{name} can sign in now.',
    'admin.keyCreated': 'The key {name} was created.',
    'admin.rolesSaved': 'The roles of {name} are saved; they apply from the next request on.',
    'admin.confirmDisable': 'Disable {name}? They are signed out and cannot sign in until enabled again.',
    'admin.disabledDone': '{name} is disabled.',
    'admin.enabledDone': '{name} can sign in again.',
    'admin.confirmReset': 'Give {name} a new password? Their current sessions end.',
    'admin.confirmRevoke': 'Revoke the key {name}? Every system using it is refused from now on.',
    'admin.revoked': 'The key {name} is revoked.',
    'admin.secretTitle': 'Shown only now',
    'admin.secretKey': 'The API key {name}: copy it now and keep it safe. Mosaic keeps only a fingerprint and cannot show it again.',
    'admin.secretPassword': 'The password of {name}: hand it over safely. Mosaic keeps only a hash and cannot show it again.',
    'admin.secretLabel': 'Secret',
    'admin.copy': 'Copy',
    'admin.copied': 'Copied.',
    'admin.copyFailed': 'Copying did not work; select the text and copy it.',
    'admin.secretDone': 'I have kept it',
    'admin.failed': 'That did not work ({status}).',
    'admin.erase': 'Erase a person',
    'admin.eraseIntro': 'Erasure removes everything Mosaic holds about a person: records, identifiers, the profile and uploaded files with their records. It cannot be undone.',
    'admin.profileId': 'Profile id',
    'admin.check': 'Show the profile',
    'admin.noProfile': 'No profile has this id.',
    'admin.eraseWho': '{name}, profile {id}, with {records} source record(s).',
    'admin.confirmLabel': 'Type the profile id again to confirm',
    'admin.eraseNow': 'Erase for good',
    'admin.erased': 'Profile {id} is erased.',
    'admin.erasedRecords': 'Source records removed',
    'admin.erasedIdentifiers': 'Identifiers removed',
    'admin.erasedFiles': 'Uploaded files deleted',
    'admin.reimport': 'A re-import of the same records',
    'admin.reimportSkipped': 'is skipped',
    'admin.reimportReturns': 'brings them back',
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
    'error.key': 'You are no longer signed in. Sign in again to go on.',
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
    'login.title': 'Mosaic – Anmelden',
    'login.subtitle': 'Anmelden, um mit Kundenprofilen zu arbeiten',
    'login.heading': 'Anmelden',
    'login.userName': 'Benutzername',
    'login.password': 'Passwort',
    'login.submit': 'Anmelden',
    'login.signingIn': 'Anmeldung läuft…',
    'login.wrong': 'Benutzername oder Passwort ist falsch.',
    'login.locked': 'Zu viele Fehlversuche mit diesem Benutzernamen. Bitte in {seconds} Sekunden noch einmal versuchen.',
    'login.missing': 'Bitte Benutzernamen und Passwort eingeben.',
    'login.noCookies': 'Ihr Browser hat das Cookie von Mosaic nicht behalten. Bitte Cookies für diese Seite erlauben und neu laden.',
    'login.failed': 'Die Anmeldung hat nicht geklappt ({status}). Bitte noch einmal versuchen.',
    'login.expired': 'Ihre Sitzung ist abgelaufen. Bitte erneut anmelden, um weiterzumachen.',
    'login.signedOut': 'Sie sind abgemeldet.',
    'login.hint': 'Ein Konto bekommen Sie von einer Administratorin oder einem Administrator. Diese melden sich als „admin“ mit dem Admin-API-Schlüssel an.',
    'login.signedInAs': 'Angemeldet als {name}',
    'login.signOut': 'Abmelden',
    'login.pageDenied': 'Ihre Rollen umfassen diese Seite nicht. Bitte oben eine Ihrer Seiten wählen.',
    'nav.admin': 'Verwaltung',
    'admin.title': 'Mosaic – Verwaltung',
    'admin.subtitle': 'Personen, API-Schlüssel und Löschung',
    'admin.people': 'Personen',
    'admin.keys': 'API-Schlüssel',
    'admin.userName': 'Benutzername',
    'admin.displayName': 'Name',
    'admin.roles': 'Rollen',
    'admin.state': 'Status',
    'admin.actions': 'Aktionen',
    'admin.created': 'Angelegt',
    'admin.keyName': 'Name des Schlüssels',
    'admin.active': 'Aktiv',
    'admin.disabled': 'Gesperrt',
    'admin.revokedOn': 'Widerrufen {date}',
    'admin.role.STAFF': 'Filiale',
    'admin.role.MARKETER': 'Marketing',
    'admin.role.STEWARD': 'Datenpflege',
    'admin.role.SYSTEM': 'System',
    'admin.role.ADMIN': 'Administration',
    'admin.newPerson': 'Person hinzufügen',
    'admin.password': 'Passwort (optional)',
    'admin.passwordHint': 'Mindestens 12 Zeichen. Leer lassen, dann erzeugt Mosaic eines und zeigt es einmal.',
    'admin.addPerson': 'Person hinzufügen',
    'admin.newKey': 'API-Schlüssel erzeugen',
    'admin.keyNameHint': 'Wo er benutzt wird, z. B. filiale-berlin-tablet',
    'admin.createKey': 'Schlüssel erzeugen',
    'admin.editRoles': 'Rollen…',
    'admin.editRolesOf': 'Rollen von {name}',
    'admin.save': 'Speichern',
    'admin.cancel': 'Abbrechen',
    'admin.disable': 'Sperren',
    'admin.enable': 'Entsperren',
    'admin.resetPassword': 'Neues Passwort',
    'admin.revoke': 'Widerrufen',
    'admin.chooseRole': 'Bitte mindestens eine Rolle wählen.',
    'admin.personAdded': '{name} kann sich jetzt anmelden.',
    'admin.keyCreated': 'Der Schlüssel {name} wurde erzeugt.',
    'admin.rolesSaved': 'Die Rollen von {name} sind gespeichert; sie gelten ab der nächsten Anfrage.',
    'admin.confirmDisable': '{name} sperren? Die Person wird abgemeldet und kann sich erst nach dem Entsperren wieder anmelden.',
    'admin.disabledDone': '{name} ist gesperrt.',
    'admin.enabledDone': '{name} kann sich wieder anmelden.',
    'admin.confirmReset': '{name} ein neues Passwort geben? Laufende Sitzungen enden.',
    'admin.confirmRevoke': 'Den Schlüssel {name} widerrufen? Jedes System, das ihn nutzt, wird ab sofort abgewiesen.',
    'admin.revoked': 'Der Schlüssel {name} ist widerrufen.',
    'admin.secretTitle': 'Nur jetzt sichtbar',
    'admin.secretKey': 'Der API-Schlüssel {name}: jetzt kopieren und sicher aufbewahren. Mosaic behält nur einen Fingerabdruck und kann ihn nicht noch einmal zeigen.',
    'admin.secretPassword': 'Das Passwort von {name}: sicher übergeben. Mosaic behält nur einen Hash und kann es nicht noch einmal zeigen.',
    'admin.secretLabel': 'Geheimnis',
    'admin.copy': 'Kopieren',
    'admin.copied': 'Kopiert.',
    'admin.copyFailed': 'Kopieren hat nicht geklappt; bitte den Text markieren und kopieren.',
    'admin.secretDone': 'Ich habe es aufbewahrt',
    'admin.failed': 'Das hat nicht geklappt ({status}).',
    'admin.erase': 'Eine Person löschen',
    'admin.eraseIntro': 'Die Löschung entfernt alles, was Mosaic über eine Person hat: Datensätze, Merkmale, das Profil und hochgeladene Dateien mit ihren Datensätzen. Sie lässt sich nicht rückgängig machen.',
    'admin.profileId': 'Profil-ID',
    'admin.check': 'Profil anzeigen',
    'admin.noProfile': 'Kein Profil hat diese ID.',
    'admin.eraseWho': '{name}, Profil {id}, mit {records} Quelldatensatz/-sätzen.',
    'admin.confirmLabel': 'Zur Bestätigung die Profil-ID noch einmal eingeben',
    'admin.eraseNow': 'Endgültig löschen',
    'admin.erased': 'Profil {id} ist gelöscht.',
    'admin.erasedRecords': 'Entfernte Quelldatensätze',
    'admin.erasedIdentifiers': 'Entfernte Merkmale',
    'admin.erasedFiles': 'Gelöschte hochgeladene Dateien',
    'admin.reimport': 'Ein erneuter Import derselben Datensätze',
    'admin.reimportSkipped': 'wird übersprungen',
    'admin.reimportReturns': 'bringt sie zurück',
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
    'error.key': 'Sie sind nicht mehr angemeldet. Bitte erneut anmelden, um weiterzumachen.',
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

  function cookie(name) {
    const found = document.cookie.split('; ').find((entry) => entry.startsWith(name + '='));
    return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
  }

  // A page's address without its query: where the login page sends the person back to (no personal data in it).
  function here() {
    return location.pathname;
  }

  function toLogin(reason) {
    const params = new URLSearchParams({ next: here() });
    if (reason) { params.set(reason, '1'); }
    location.assign('/login.html?' + params);
  }

  // fetch cannot report an upload's progress; XMLHttpRequest can, so a request that asks for it goes that way and is
  // answered with a Response all the same.
  function withUploadProgress(method, path, headers, body, onUploadProgress) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, path);
      Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
      xhr.upload.addEventListener('progress', onUploadProgress);
      xhr.addEventListener('load', () => {
        const answerHeaders = new Headers();
        xhr.getAllResponseHeaders().trim().split(/[\r\n]+/).forEach((line) => {
          const colon = line.indexOf(':');
          if (colon > 0) { answerHeaders.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim()); }
        });
        const noBody = [101, 204, 205, 304].includes(xhr.status);
        resolve(new Response(noBody ? null : xhr.responseText,
            { status: xhr.status, statusText: xhr.statusText, headers: answerHeaders }));
      });
      xhr.addEventListener('error', () => reject(new TypeError('Mosaic cannot be reached')));
      xhr.send(body);
    });
  }

  // Every page calls the API through here, so how a request proves who sends it is decided in one place: the session
  // cookie of the sign-in, and for a state-changing request the CSRF token from the XSRF-TOKEN cookie. Resolves to the
  // fetch Response; rejects only when the server cannot be reached. A 401 means the session ended: the browser goes
  // to the login page, which comes back here. options.onUploadProgress(event) follows an upload.
  function request(method, path, body, options = {}) {
    const headers = {};
    if (!['GET', 'HEAD'].includes(method)) { headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN'); }
    const isForm = body instanceof FormData;
    if (body !== undefined && !isForm) { headers['Content-Type'] = 'application/json'; }
    const payload = body === undefined || isForm ? body : JSON.stringify(body);
    const answer = options.onUploadProgress
        ? withUploadProgress(method, path, headers, payload, options.onUploadProgress)
        : fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    return answer.then((response) => {
      if (response.status === 401 && location.pathname !== '/login.html') { toLogin('expired'); }
      return response;
    });
  }

  // Which roles may use which page; the navigation shows a person only their pages. Pages not named here are shown
  // to everybody signed in.
  const PAGE_ROLES = {
    '/': ['STAFF', 'STEWARD', 'SYSTEM', 'ADMIN'],
    '/index.html': ['STAFF', 'STEWARD', 'SYSTEM', 'ADMIN'],
    '/imports.html': ['SYSTEM', 'ADMIN'],
    '/steward.html': ['STEWARD', 'ADMIN'],
    '/segments.html': ['MARKETER', 'ADMIN'],
    '/admin.html': ['ADMIN'],
  };
  let signedIn = null;

  function allowed(page) {
    const roles = PAGE_ROLES[page];
    return !roles || (signedIn !== null && signedIn.roles.some((role) => roles.includes(role)));
  }

  function showAccount() {
    const header = document.querySelector('header');
    if (!header || signedIn === null) { return; }
    let account = document.getElementById('account');
    if (!account) {
      account = document.createElement('div');
      account.id = 'account';
      account.className = 'account';
      const who = document.createElement('span');
      who.id = 'signed-in-as';
      const signOut = document.createElement('button');
      signOut.type = 'button';
      signOut.id = 'sign-out';
      signOut.addEventListener('click', async () => {
        signOut.disabled = true;
        try { await request('DELETE', '/api/v1/session'); } catch (unreachable) { /* signed out locally anyway */ }
        location.assign('/login.html?signedOut=1');
      });
      account.append(who, signOut);
      header.appendChild(account);
    }
    document.getElementById('signed-in-as').textContent = t('login.signedInAs', { name: signedIn.displayName });
    document.getElementById('sign-out').textContent = t('login.signOut');
    const denied = document.getElementById('page-denied');
    if (denied) { denied.textContent = t('login.pageDenied'); }
  }

  // Who is signed in: their name in the header with a way to sign out, and only their pages in the navigation.
  async function loadAccount() {
    let response;
    try { response = await fetch('/api/v1/session', { credentials: 'same-origin' }); } catch (unreachable) { return; }
    if (response.status === 401) { toLogin(); return; }
    if (!response.ok) { return; }
    signedIn = await response.json();
    document.querySelectorAll('nav a[href]').forEach((link) => {
      if (!allowed(new URL(link.href).pathname)) { link.remove(); }
    });
    if (!allowed(location.pathname) && document.querySelector('main')) {
      const denied = document.createElement('p');
      denied.id = 'page-denied';
      denied.className = 'error';
      denied.setAttribute('role', 'alert');
      document.querySelector('main').prepend(denied);
    }
    showAccount();
    document.dispatchEvent(new CustomEvent('mosaic:account', { detail: signedIn }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const picker = document.getElementById('language');
    if (picker) { picker.addEventListener('change', () => setLanguage(picker.value)); }
    apply();
    if (location.pathname !== '/login.html') { loadAccount(); }
  });
  document.addEventListener('mosaic:language', showAccount);

  return { t, number, apply, setLanguage, request, get language() { return language; },
    get account() { return signedIn; } };
})();
