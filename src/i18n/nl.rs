//! Nederlandse teksten. Written as a Dutch sales director talks (see `shared/glossary-nl.md`):
//! *u* in help texts, short imperatives on buttons, the English terms Dutch B2B sales keeps
//! (key account, accountplan, KPI, SWOT). Formats: `€ 1.250.000`, `28-11-2026`, `36 %`.

use super::{
    CrmTexts, GroupTexts, HeldTexts, MethodTexts, PeopleTexts, PlanTexts, PortfolioTexts, RateTexts, ShareTexts,
    SheetTexts, TemplateTexts, Texts, WhitespaceTexts,
};
use crate::domain::account::{AccountField, Stage, Status};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::deals::{DealField, DealProblem, DealStage};
use crate::domain::groups::GroupProblem;
use crate::domain::merge::Change;
use crate::domain::money::Currency;
use crate::domain::plan::{
    ActionField, ActionStatus, AgreementField, Band, Direction, HealthPart, KpiField, KpiKind, MeasurementField,
    MeetingField, NeedField, NeedStatus, ObjectiveField, ObjectiveStatus, Perspective, PlanPart, PromotionField,
    Quadrant, ReviewField, SwotField, Team, Trend,
};
use crate::domain::portfolio::Quadrant as Cell;
use crate::domain::scoring::{Basis, Tier};
use crate::domain::share::ImportError;
use crate::domain::spreadsheet::{CsvError, ExportColumn, Target};
use crate::domain::spreadsheet::{Scale, TextEncoding};
use crate::domain::stakeholder::{Attitude, BuyingRole, Gap, StakeholderField};
use crate::domain::sync::RecordKind;
use crate::domain::template::{Template, TemplateWords};
use crate::domain::validate::Problem;
use crate::domain::views::ranking::Column;
use crate::domain::views::review::FieldName;
use crate::domain::whitespace::{CellStatus, OfferingField};
use crate::domain::workspace::DecodeError;
use crate::storage::WriteError;
use crate::ui::route::{Section, Topic};

pub const NL: Texts = Texts {
    app_name: "Keystone",
    tagline: "Key accountmanagement",
    nav_accounts: "Accounts",
    nav_add: "Account toevoegen",
    menu: "Menu",
    main_nav: "Hoofdmenu",

    empty_title: "Vind de accounts die een key-accountaanpak verdienen",
    empty_body: "Voeg uw accounts toe, beoordeel ze op vijf criteria en zie welke enkele een accountplan verdienen. \
                 Alles blijft in deze browser. Weet u niet waar te beginnen? Laad de voorbeeldportefeuille en zie \
                 waarom de grootste klant niet altijd de beste key account is.",
    show_more: |next, left| format!("Toon {next} meer ({left} niet getoond)"),
    list: |parts| parts.iter().filter(|p| !p.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" · "),
    field_value: |label, value| format!("{label}: {value}"),
    date: |d| {
        let (y, m, day) = d.ymd();
        format!("{day:02}-{m:02}-{y}")
    },
    date_placeholder: "dd-mm-jjjj",
    pick_date: |field| format!("{field}: kies in een kalender"),
    date_long: |d| {
        const MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let (y, m, day) = d.ymd();
        format!("{day} {} {y}", MONTHS[(m as usize).clamp(1, 12) - 1])
    },
    date_time: |d, h, m| format!("{} {h:02}:{m:02}", (NL.date)(d)),
    percent: |share| format!("{:.0} %", share * 100.0),
    percent_sign: "%",
    number: group_decimal,
    number_short: short_amount,
    form_clash: |fields| {
        format!(
            "Een ander tabblad heeft intussen {} gewijzigd; uw waarde heeft die vervangen. Controleer of dat de bedoeling is.",
            fields.join(", ")
        )
    },
    add_account: "Account toevoegen",
    load_sample: "Voorbeeldportefeuille laden",
    sample_loaded: "Voorbeeldportefeuille geladen.",

    ranking_title: "Ranglijst van accounts",
    ranking_intro: "Gerangschikt op alle vijf criteria. Vergelijk de positie met de positie op omzet: \
                    omzet alleen wijst nooit een key account aan.",
    column: |c| match c {
        Column::Rank => "Positie",
        Column::Name => "Account",
        Column::Sector => "Sector",
        Column::Owner => "Eigenaar",
        Column::Revenue => "Omzet",
        Column::RevenueRank => "Positie op omzet",
        Column::Score => "Score",
        Column::Tier => "Niveau",
        Column::Plan => "Plan",
    },
    col_account: "Account",
    col_tier: "Niveau",
    shift_mark: |places| if places > 0 { format!("▲{places}") } else { format!("▼{}", -places) },
    shift_title: |places| match places {
        1 => "1 plaats hoger dan op omzet alleen".into(),
        p if p > 0 => format!("{p} plaatsen hoger dan op omzet alleen"),
        -1 => "1 plaats lager dan op omzet alleen".into(),
        p => format!("{} plaatsen lager dan op omzet alleen", -p),
    },
    sort_by: |col| format!("Sorteer op {}", col.to_lowercase()),
    search_label: "Zoek op naam",
    search_placeholder: "Naam van het account",
    filter_sector: "Sector",
    filter_owner: "Eigenaar",
    filter_tier: "Niveau",
    filter_all: "Alle",
    clear_filters: "Filters wissen",
    no_matches: "Geen account voldoet aan deze filters.",
    group_by_parent: "Groeperen per moederbedrijf",
    group_heading: |parent, n, revenue, potential, whitespace| {
        format!("Groep {parent} · {n} accounts · omzet {revenue} · potentieel {potential} · witte vlekken {whitespace}")
    },
    showing: |shown, total| {
        if shown == total {
            format!("{} accounts", group_thousands(total as f64))
        } else {
            format!("{} van {} accounts", group_thousands(shown as f64), group_thousands(total as f64))
        }
    },
    not_ranked: "–",

    weights_title: "Weging van de criteria",
    weights_help:
        "Hoe zwaar elk criterium telt. Wijzigt u er één, dan schuiven de andere mee zodat het totaal 100 % blijft.",
    weight_label: |criterion| format!("Weging {}", criterion.to_lowercase()),
    weights_total: |sum| format!("Totaal {sum} %"),
    reset_defaults: "Standaardwaarden herstellen",
    thresholds_title: "Niveaus",
    threshold_key: "Key account vanaf score",
    threshold_watch: "Volgen vanaf score",
    threshold_key_range: "De grens voor key account moet tussen 1 en 100 liggen.",
    threshold_watch_below_key: "De grens voor volgen moet boven 0 en onder de grens voor key account liggen.",
    whole_number_0_100: "Vul een geheel getal van 0 tot en met 100 in.",

    chart_rank_title: "Positie op omzet tegenover positie op score",
    chart_rank_caption: "Elke lijn verbindt de positie van een account op omzet (links) met die op score (rechts). \
                         Groene lijnen stijgen als alle vijf criteria meetellen; rode lijnen dalen.",
    chart_by_revenue: "Op omzet",
    chart_by_score: "Op score",
    chart_contrib_title: "Waaruit de score bestaat",
    chart_contrib_caption:
        "Elke balk toont de punten die een criterium bijdraagt, van het maximum dat de weging toelaat.",

    form_new_title: "Account toevoegen",
    form_edit_title: "Gegevens",
    save: "Opslaan",
    save_account: "Account opslaan",
    cancel: "Annuleren",
    saved: "Opgeslagen.",
    save_state: |s| {
        use crate::ui::components::form::SaveState;
        match s {
            SaveState::Idle => String::new(),
            SaveState::Pending => "Opslaan…".into(),
            SaveState::Saved => "Opgeslagen".into(),
            SaveState::Invalid(1) => "Niet opgeslagen: één veld vraagt aandacht.".into(),
            SaveState::Invalid(n) => format!("Niet opgeslagen: {n} velden vragen aandacht."),
            SaveState::Gone => "Dit is intussen verwijderd; er is niets opgeslagen.".into(),
            SaveState::TabOnly => "Alleen in dit tabblad bewaard: de browser kon het niet opslaan (zie boven).".into(),
        }
    },
    leave_title: "Weggaan zonder op te slaan?",
    leave_body: |what| {
        format!("Wat u hier typte is nog niet opgeslagen ({}). Als u nu weggaat, gaat het verloren.", what.join(", "))
    },
    leave_anyway: "Weggaan zonder opslaan",
    stay: "Blijven",
    tie_mark: "=",
    tie_title:
        "Een ander account heeft dezelfde score. De exacte score bepaalt de volgorde, dan de omzet, dan de naam.",
    shift_note: |c, was, higher, added, since| {
        let what = match c {
            Criterion::RevenueVolume => "omzet",
            Criterion::RevenuePotential => "omzetpotentieel",
            _ => "klantwaarde",
        };
        let accounts = |n: usize| if n == 1 { "1 account".to_string() } else { format!("{n} accounts") };
        if higher > 0 {
            format!(
                "Was {was} tot er {} met een hogere {what} in de portefeuille kwam(en) (sinds {since}).",
                accounts(higher)
            )
        } else {
            format!("Was {was} tot er {} in de portefeuille kwam(en) (sinds {since}).", accounts(added))
        }
    },
    tier_title: "Niveau",
    follow_score: |tier| format!("Zoals de score zegt ({})", (NL.tier)(tier)),
    decision_field: |f| match f {
        crate::domain::tier::DecisionField::Tier => "Geldend niveau",
        crate::domain::tier::DecisionField::Reason => "Waarom (voor collega's)",
    },
    decision_help: "De score adviseert; u beslist. Een gekozen niveau geldt overal: in het overzicht, \
                    de filters van de matrix, exports en de lijst met plannen.",
    decided_on: |date, promoted| {
        if promoted {
            format!("Besloten door het account op {date} te bevorderen tot key account.")
        } else {
            format!("Besloten op {date}.")
        }
    },
    form_has_errors: |n| {
        if n == 1 {
            "Eén veld vraagt aandacht; er is niets opgeslagen.".into()
        } else {
            format!("{n} velden vragen aandacht; er is niets opgeslagen.")
        }
    },

    score_label: "Score",
    incomplete_help:
        "Beoordeel elk criterium (beantwoord de checklist of kies een beoordeling) om een score te krijgen.",
    rating_label: |criterion| format!("Beoordeling {}", criterion.to_lowercase()),
    rating_suggested_option: |s| match s {
        Some(r) => format!("Voorgesteld ({r})"),
        None => "Voorgesteld (nog geen)".into(),
    },
    suggested: |s| match s {
        Some(r) => format!("Voorgesteld {r} / 5"),
        None => "Nog geen voorstel".into(),
    },
    overridden_with_suggestion: |r, s| match s {
        Some(s) => format!("Door u ingesteld: {r} / 5 (voorgesteld {s} / 5)"),
        None => format!("Door u ingesteld: {r} / 5 (nog geen voorstel)"),
    },
    ranks_line: |rank, revenue_rank| {
        let n = |x: Option<u32>| x.map_or_else(|| "–".to_string(), |x| x.to_string());
        format!("Positie {} · Positie op omzet {}", n(rank), n(revenue_rank))
    },
    points: |p, max| format!("{} van {max} punten", decimal(p, 1)),
    suggested_rating: "zoals voorgesteld",
    checklist: "Checklist",
    answer_yes: "Ja",
    answer_no: "Nee",
    answer_none: "Niet beantwoord",

    delete_account: "Account verwijderen",
    confirm_delete_title: |name| format!("{name} verwijderen?"),
    confirm_delete_body: "Het account, de beoordelingen, de antwoorden op de checklist en het plan worden verwijderd. \
                          U kunt dit direct daarna ongedaan maken.",
    confirm_delete: "Verwijderen",
    deleted: |name| format!("{name} verwijderd."),
    undo: "Ongedaan maken",
    dismiss: "Sluiten",
    update_ready: "Er staat een nieuwe versie van Keystone klaar. Uw werk is opgeslagen en gaat mee.",
    update_now: "Herladen om bij te werken",
    busy: |what, done, total| format!("{what} {} %", done * 100 / total.max(1)),
    applying_import: "De import wordt toegepast…",
    saving_changes: "Uw wijzigingen worden opgeslagen…",
    restored: |name| format!("{name} teruggezet."),

    account_missing: "Dit account bestaat niet. Misschien is het verwijderd.",
    page_missing: "Op dit adres staat geen pagina.",
    back_to_accounts: "Terug naar accounts",
    account_gone_on_save: "Dit account is intussen verwijderd; er is niets opgeslagen.",

    storage_unreadable: |reason, backup| {
        format!(
            "De gegevens in deze browser konden niet worden gelezen ({reason}). Er is een ongewijzigde kopie \
             bewaard onder \u{201c}{backup}\u{201d}. Niets wat u hier doet wordt daaroverheen opgeslagen tot u \
             \u{201c}Opnieuw beginnen\u{201d} kiest; download de gegevens eerst als u ze wilt bewaren."
        )
    },
    storage_unreadable_no_backup: |reason| {
        format!(
            "De gegevens in deze browser konden niet worden gelezen ({reason}), en er was geen ruimte voor een \
             reservekopie. Niets wat u hier doet wordt daaroverheen opgeslagen tot u \u{201c}Opnieuw beginnen\u{201d} \
             kiest; download de gegevens eerst als u ze wilt bewaren."
        )
    },
    download_unreadable: "Onleesbare gegevens downloaden",
    start_afresh: "Opnieuw beginnen",
    tab_clash: |items| {
        format!(
            "Een ander tabblad heeft intussen dezelfde dingen gewijzigd als dit tabblad. Die versie is bewaard voor: {}. \
             Controleer ze en wijzig ze zo nodig opnieuw.",
            items.join(", ")
        )
    },
    tab_clash_item: |name, field| match (name, field) {
        ("", _) => "score-instellingen".into(),
        (name, "") => name.to_string(),
        (name, field) => format!("{name} ({field})"),
    },
    storage_write_failed: |reason| {
        format!(
            "Uw laatste wijziging kon niet in deze browser worden opgeslagen ({reason}). Ze blijft alleen in dit tabblad bewaard."
        )
    },
    storage_unavailable:
        "Deze browser staat de app niet toe gegevens op te slaan; wijzigingen blijven alleen in dit tabblad.",
    storage_full: "De opslag van deze browser voor Keystone is vol, dus uw laatste wijzigingen blijven alleen in dit \
                   tabblad. Exporteer nu om ze veilig te stellen en maak daarna ruimte, bijvoorbeeld door accounts te \
                   verwijderen die u niet meer nodig hebt.",
    export_now: "Nu exporteren",
    storage_meter: |used, quota, persistent| {
        let pct = (used as f64 * 100.0 / quota.max(1) as f64).ceil() as usize;
        let kept = match persistent {
            Some(true) => " De browser bewaart deze gegevens ook als de schijfruimte krap wordt.",
            Some(false) => " De browser kan deze gegevens wissen als de schijfruimte krap wordt: exporteer regelmatig.",
            None => "",
        };
        format!("Keystone gebruikt {pct} % van de opslag die deze browser toestaat.{kept}")
    },
    storage_needed: |needed, quota| {
        format!(
            "Het werk in dit tabblad heeft {} miljoen tekens opslag nodig; deze browser staat Keystone {} miljoen toe. \
             Exporteer het nu en maak daarna ruimte.",
            decimal(needed as f64 / 1e6, 1),
            decimal(quota as f64 / 1e6, 1)
        )
    },
    your_data: "Uw gegevens",
    crash_title: "Keystone werkt niet meer",
    crash_body: "Er ging iets mis in de app. Uw gegevens staan nog in deze browser. \
                 Download voor de zekerheid een kopie en herlaad daarna de pagina.",
    crash_body_unsaved: "Er ging iets mis in de app. Uw laatste wijzigingen konden niet in deze browser worden \
                         opgeslagen (de opslag was vol), dus de opgeslagen kopie is van daarvoor. Download die voor \
                         de zekerheid en herlaad daarna de pagina.",
    crash_download: "Mijn gegevens downloaden",
    crash_reload: "Herladen",
    crash_detail: "Technische details",

    stamps: |created, updated| format!("Toegevoegd {created} · bijgewerkt {updated}"),

    account_field: |f| match f {
        AccountField::Name => "Naam",
        AccountField::Sector => "Sector",
        AccountField::Region => "Land / regio",
        AccountField::Owner => "Accounteigenaar",
        AccountField::Status => "Status",
        AccountField::Stage => "Relatiefase",
        AccountField::Revenue => "Huidige jaaromzet",
        AccountField::Potential => "Omzetpotentieel (extra per jaar binnen ~3 jaar)",
        AccountField::Margin => "Brutomarge (%)",
        AccountField::RelationshipYears => "Verwachte relatieduur (jaren)",
        AccountField::CustomerSince => "Klant sinds (jaar)",
        AccountField::Notes => "Notities",
        AccountField::CrmId => "CRM-id",
    },
    decode_error: |e| match e {
        DecodeError::Invalid { line, column, message } => {
            format!("het zijn geen geldige werkruimtegegevens (regel {line}, kolom {column}: {message})")
        }
        DecodeError::NoVersion => "er staat geen formaatversie in, dus het is geen Keystone-werkruimte".into(),
        DecodeError::Newer { found, supported } => {
            format!("het is geschreven door een nieuwere Keystone (formaat {found}; deze leest tot en met {supported})")
        }
        DecodeError::TooMany(n) => format!("er staan {n} accounts in, meer dan deze app accepteert"),
    },
    write_error: |e| match e {
        WriteError::Refused(name) => format!("de browser weigerde het schrijven ({name})"),
        WriteError::Mismatch => "de opgeslagen kopie kwam niet overeen met wat er werd geschreven".into(),
    },
    problem: |p| match p {
        Problem::Required => "Dit veld is verplicht.".into(),
        Problem::NotANumber => "Vul een getal in, zoals 1250000 of 1.250.000.".into(),
        Problem::NotAWholeNumber => "Vul een jaartal in als geheel getal, zoals 2019.".into(),
        Problem::TooLarge => "Dit getal is te groot.".into(),
        Problem::Negative => "Vul nul of meer in.".into(),
        Problem::OutOfRange { min, max } => format!("Vul een waarde van {min} tot en met {max} in."),
        Problem::InFuture { max } => format!("Het jaar kan niet na {max} liggen."),
        Problem::TooLong { max } => format!("Houd dit onder de {max} tekens."),
        Problem::NotInList => "Kies een van de opties uit de lijst.".into(),
        Problem::NotADate => "Vul een datum in als dag, maand en jaar, bijvoorbeeld 28-11-2026 of 28 nov 2026.".into(),
        Problem::NoSuchDay => "Die dag bestaat niet: controleer de dag en de maand.".into(),
        Problem::DateOutOfRange => "Vul een datum tussen 1900 en 2200 in.".into(),
        Problem::DateInFuture => "Deze datum kan niet in de toekomst liggen.".into(),
        Problem::TargetNotBetter => "De doelwaarde moet beter zijn dan de beginwaarde (zie 'Beter is').".into(),
        Problem::BeforePromotion => "De klant kan niet vóór de bevordering zijn ingelicht.".into(),
    },
    criterion: |c| match c {
        Criterion::RevenueVolume => "Omzetvolume",
        Criterion::RevenuePotential => "Omzetpotentieel",
        Criterion::LifetimeValue => "Klantwaarde",
        Criterion::ProductFit => "Productfit",
        Criterion::StrategicValue => "Strategische waarde",
    },
    criterion_help: |c| match c {
        Criterion::RevenueVolume => {
            "Hoeveel het account vandaag bij ons koopt. Makkelijk te zien, nooit alleen beslissend."
        }
        Criterion::RevenuePotential => "Hoeveel meer het binnen ongeveer drie jaar zou kunnen kopen.",
        Criterion::LifetimeValue => "Of de zaken met dit account blijvend en winstgevend zijn, niet alleen groot.",
        Criterion::ProductFit => "Of het nodig heeft wat wij bieden, en er meer aan heeft dan de meeste klanten.",
        Criterion::StrategicValue => "Wat de relatie brengt naast geld: reputatie, visie, referenties, leren.",
    },
    question: |q| match q {
        Question::VolumeStable => "Is de omzet bij ons de afgelopen jaren stabiel gebleven of gegroeid?",
        Question::VolumeRecurring => "Bestelt het regelmatig, in plaats van af en toe?",
        Question::PotentialExpansion => "Heeft het concrete plannen om uit te breiden of te groeien?",
        Question::PotentialWallet => "Besteedt het budget aan dingen die wij bieden maar nog niet leveren?",
        Question::PotentialMarket => "Groeit zijn markt?",
        Question::LtvHealthy => "Is het financieel gezond?",
        Question::LtvCompetitive => "Houdt het stand tegen concurrenten en veranderingen in de markt?",
        Question::LtvMargin => "Maken we een gezonde marge op wat het koopt?",
        Question::LtvLoyal => "Blijft het naar verwachting nog vele jaren klant?",
        Question::FitProfile => "Past het bij ons ideale klantprofiel?",
        Question::FitNeeds => "Heeft het nodig wat wij bieden?",
        Question::FitBenefit => "Heeft het meer aan ons aanbod dan de meeste klanten?",
        Question::FitUnderstood => "Begrijpen we zijn behoeften en uitdagingen goed?",
        Question::StrategicReputation => "Is het een naam waarmee we graag geassocieerd worden?",
        Question::StrategicVision => "Past zijn visie op lange termijn bij de onze?",
        Question::StrategicReference => "Wil het referent zijn of deuren voor ons openen?",
        Question::StrategicFeedback => "Geeft het waardevolle feedback of ontwikkelt het samen met ons?",
        Question::StrategicMutual => "Zijn de voordelen op lange termijn voor beide kanten duidelijk?",
    },
    basis: |c, b| match b {
        Basis::MissingNumber => match c {
            Criterion::RevenueVolume => "Vul de huidige jaaromzet in voor een voorstel.".into(),
            Criterion::RevenuePotential => "Vul het omzetpotentieel in voor een voorstel.".into(),
            _ => "Vul omzet, brutomarge en verwachte relatieduur in voor een voorstel.".into(),
        },
        Basis::Zero => "Het bedrag is nul, dus het voorstel is 0.".into(),
        Basis::Portfolio { band, adjustment } => {
            let place = match band {
                5 => "in het bovenste vijfde deel van de portefeuille",
                4 => "in het tweede vijfde deel van de portefeuille",
                3 => "in het middelste vijfde deel van de portefeuille",
                2 => "in het vierde vijfde deel van de portefeuille",
                _ => "in het onderste vijfde deel van de portefeuille",
            };
            let what = match c {
                Criterion::RevenueVolume => "De omzet valt",
                Criterion::RevenuePotential => "Het potentieel valt",
                _ => "De klantwaarde (omzet × marge × jaren) valt",
            };
            let checklist = match (c, adjustment) {
                (_, 0) => String::new(),
                (Criterion::LifetimeValue, a) => format!(" Zorgen over de duurzaamheid trekken er {} af.", -a),
                (_, a) if a > 0 => " De checklist telt er één bij.".into(),
                _ => " De checklist trekt er één af.".into(),
            };
            format!("{what} {place} ({band}).{checklist}")
        }
        Basis::Checklist { yes, total } => format!("{yes} van de {total} antwoorden op de checklist zijn ja."),
        Basis::ChecklistOpen { answered, total } => {
            format!("Beantwoord alle {total} vragen van de checklist voor een voorstel ({answered} beantwoord).")
        }
    },
    tier: |tier| match tier {
        Tier::Key => "Key account",
        Tier::Watch => "Volgen",
        Tier::Standard => "Standaard",
        Tier::Incomplete => "Onvolledig",
    },
    standing_note: |s| match (s.decided, s.overrules()) {
        (false, _) => None,
        (true, false) => Some("besloten".into()),
        (true, true) => Some(format!("besloten · score zegt {}", (NL.tier)(s.score_says))),
    },
    status: |s| match s {
        Status::Prospect => "Prospect",
        Status::Customer => "Klant",
        Status::Former => "Oud-klant",
    },
    money,
    amount_hint: |c| match c {
        Currency::Eur => "In euro's. U kunt ook 250k of 1,5 mln typen.",
        Currency::Usd => "In Amerikaanse dollars. U kunt ook 250k of 1,5 mln typen.",
        Currency::Gbp => "In Britse ponden. U kunt ook 250k of 1,5 mln typen.",
        Currency::Chf => "In Zwitserse franken. U kunt ook 250k of 1,5 mln typen.",
        Currency::Sek => "In Zweedse kronen. U kunt ook 250k of 1,5 mln typen.",
        Currency::Nok => "In Noorse kronen. U kunt ook 250k of 1,5 mln typen.",
        Currency::Dkk => "In Deense kronen. U kunt ook 250k of 1,5 mln typen.",
        Currency::Pln => "In Poolse zloty. U kunt ook 250k of 1,5 mln typen.",
    },
    plan: PLAN,
    share: SHARE,
    portfolio: PORTFOLIO,
    crm: CRM,
    rate: RATE,
    people: PEOPLE,
    groups: GROUPS,
    whitespace: WHITESPACE,
    method: METHOD,
    sheet: SHEET,
    template: TEMPLATE,
    held: HELD,
};

const PORTFOLIO: PortfolioTexts = PortfolioTexts {
    coverage_title: "Dekking van de relatie",
    coverage_none: "Elk account met een plan of stakeholderkaart is goed gedekt.",
    nav_overview: "Overzicht",
    nav_portfolio: "Portefeuille",
    stage: |s| match s {
        Stage::Exploratory => "1 Verkennend",
        Stage::Basic => "2 Basis",
        Stage::Cooperative => "3 Samenwerkend",
        Stage::Interdependent => "4 Wederzijds afhankelijk",
        Stage::Integrated => "5 Geïntegreerd",
    },
    stage_none: "Niet beoordeeld",
    stage_help: "Hoe sterk we staan bij het account: van eerste contacten (1) tot één team met de klant (5).",
    quadrant: |q| match q {
        Cell::Strategic => "Strategisch",
        Cell::Star => "Ster",
        Cell::Status => "Status",
        Cell::Streamline => "Stroomlijnen",
    },
    stance: |q| match q {
        Cell::Strategic => "Investeren: aantrekkelijk, en we staan er sterk.",
        Cell::Star => "Investeren om op te bouwen: aantrekkelijk, maar onze relatie is nog zwak.",
        Cell::Status => "Onderhouden: we staan sterk, het account biedt minder vooruitzicht.",
        Cell::Streamline => "Winstgevend bedienen: efficiënt bedienen.",
    },

    matrix_title: "Portfoliomatrix",
    matrix_help: "Omhoog: hoe aantrekkelijk het account vooruit is — omzetpotentieel, klantwaarde, productfit en \
                  strategische waarde, met uw wegingen. Rechts: onze relatiefase. Oppervlak van de bel: huidige omzet.",
    axis_attractiveness: "Aantrekkelijkheid",
    axis_strength: "Onze positie (relatiefase)",
    matrix_label: "Portfoliomatrix: accounts op aantrekkelijkheid en relatiefase; de lijst ernaast noemt ze.",
    matrix_empty: "Er kan nog geen account worden geplaatst. Geef accounts een relatiefase op hun pagina en \
                   beoordeel hun criteria.",
    unplaced: |n| match n {
        1 => "1 account staat niet in de matrix: het heeft geen relatiefase of een onbeoordeeld criterium.".into(),
        n => format!("{n} accounts staan niet in de matrix: ze hebben geen relatiefase of een onbeoordeeld criterium."),
    },
    bubble: |name, a, stage| format!("{name} · aantrekkelijkheid {a:.0} · {stage}"),
    list_title: "Accounts per kwadrant",
    none_here: "Geen",

    overview_title: "Overzicht",
    tile_accounts: "Accounts",
    tier_counts: |key, watch, standard, incomplete| {
        let mut s = format!("{key} key · {watch} volgen · {standard} standaard");
        if incomplete > 0 {
            s.push_str(&format!(" · {incomplete} onvolledig"));
        }
        s
    },
    tile_key_share: "Omzet uit key accounts",
    key_share_detail: |key, total| format!("{key} van {total}"),
    tile_concentration: "Omzetconcentratie",
    concentration_detail: |n| match n {
        1 => "komt van de top 20 % van de accounts (1 account)".into(),
        n => format!("komt van de top 20 % van de accounts ({n} accounts)"),
    },
    tile_open_needs: "Open toekomstige behoeften",
    open_needs_detail: |plans| match plans {
        1 => "in 1 plan".into(),
        n => format!("verdeeld over {n} plannen"),
    },
    attention_title: "Plannen die aandacht vragen",
    attention_none: "Geen plan vraagt aandacht: niets te laat, achter op doel of verouderd.",
    attention_reasons: |overdue, off, stale, review| {
        let mut parts = Vec::new();
        match overdue {
            0 => {}
            1 => parts.push("1 actie te laat".to_string()),
            n => parts.push(format!("{n} acties te laat")),
        }
        match off {
            0 => {}
            1 => parts.push("1 KPI achter op doel".to_string()),
            n => parts.push(format!("{n} KPI's achter op doel")),
        }
        if review {
            parts.push("evaluatie te laat".into());
        }
        if stale {
            parts.push("lang niet bijgewerkt".into());
        }
        parts.join(" · ")
    },
    reviews_title: |days| format!("Evaluaties in de komende {days} dagen"),
    reviews_none: "Er is binnenkort geen evaluatie van een plan.",
    review_due: |date, days| match days {
        d if d < 0 => format!("{date} · {} dagen te laat", -d),
        0 => format!("{date} · vandaag"),
        1 => format!("{date} · morgen"),
        d => format!("{date} · over {d} dagen"),
    },
    open_matrix: "Portfoliomatrix openen",
    open_what_if: "Andere wegingen proberen",

    what_if_title: "Wat als…",
    what_if_help: "Probeer hier andere wegingen en grenzen. Er verandert pas echt iets als u ze toepast; \
                   Verwerpen gaat terug naar de instellingen die gelden.",
    before: "Nu",
    after: "Met deze instellingen",
    apply: "Deze instellingen toepassen",
    discard: "Verwerpen",
    applied: "De nieuwe instellingen gelden nu.",
    unchanged_settings: "Wijzig een weging of grens om te zien hoe de ranglijst zou verschuiven.",
    moved: |n| match n {
        0 => "geen verandering".into(),
        n if n > 0 => format!("{n} omhoog"),
        n => format!("{} omlaag", -n),
    },
    move_mark: |n| match n {
        n if n > 0 => "▲ ",
        n if n < 0 => "▼ ",
        _ => "",
    },
    moves_summary: |up, down| format!("{up} accounts zouden stijgen, {down} zouden dalen."),
    col_account: "Account",
    col_before: "Positie nu",
    col_after: "Positie dan",
    col_move: "Verschuiving",
    chart_title: "Positie nu tegenover positie met de nieuwe instellingen",
};

const SHARE: ShareTexts = ShareTexts {
    nav: "Delen",
    title: "Delen met collega's",
    intro: "Exporteer uw werk naar een bestand en geef het door. Het importeren van het bestand van een collega \
            toont eerst elk verschil en voegt record voor record samen: niets van u wordt vervangen zonder dat u \
            dat wilt.",
    name_field: |_| "Uw naam",
    your_name_help: "Collega's zien deze naam in de bestanden die u exporteert.",
    export_title: "Exporteren",
    export_all: "Werkruimte exporteren",
    export_selected: |n| if n == 1 { "1 account exporteren".into() } else { format!("{n} accounts exporteren") },
    choose_accounts: "Of kies accounts om te exporteren (met hun scores en plannen):",
    exported: |file| format!("{file} opgeslagen."),
    download_failed: "Deze browser liet Keystone het bestand niet opslaan.",
    unreadable_file: "het bestand kon niet als tekst worden gelezen",
    import_title: "Importeren",
    import_help: "Kies een Keystone-bestand, sleep het hierheen of plak de inhoud.",
    choose_file: "Bestand importeren",
    drop_here: "Sleep een Keystone-bestand hierheen",
    paste_label: "Of plak de inhoud van het bestand",
    review_paste: "Geplakte import controleren",
    reading: "Het bestand wordt gelezen…",
    checking: |bytes| format!("Het bestand wordt gecontroleerd ({} KB)…", bytes.div_ceil(1024)),
    rejected: |why| format!("Dit bestand is niet geïmporteerd: {why}. Er is niets gewijzigd."),
    review_title: |who, when| {
        if who.is_empty() {
            format!("Controleer de import (geëxporteerd {when})")
        } else {
            format!("Controleer de import van {who} (geëxporteerd {when})")
        }
    },
    review_help: "Er is nog niets gewijzigd. Bekijk elk verschil; de keuzes staan zo dat uw wijzigingen blijven en \
                  die van de ander worden overgenomen. Pas daarna toe, of annuleer.",
    nothing_new: "Dit bestand bevat niets wat u nog niet hebt.",
    apply: "Import toepassen",
    cancel_import: "Import annuleren",
    applied: |n| if n == 1 { "1 wijziging geïmporteerd.".into() } else { format!("{n} wijzigingen geïmporteerd.") },
    cancelled: "Import geannuleerd. Er is niets gewijzigd.",
    undone: "Import ongedaan gemaakt.",
    deletions_title: "Onthouden verwijderingen",
    deletions: |n, old| {
        let n_text = if n == 1 { "1 verwijdering wordt".to_string() } else { format!("{n} verwijderingen worden") };
        format!(
            "{n_text} onthouden, zodat een ouder bestand van een collega verwijderde accounts niet terugbrengt. \
             {old} daarvan zijn ouder dan zes maanden."
        )
    },
    forget_old: "Verwijderingen ouder dan zes maanden vergeten",
    forget_body: "Collega's die al meer dan zes maanden geen bestand van u hebben geïmporteerd, kunnen die accounts \
                  dan met een oud bestand terugbrengen. Voor alle anderen verandert er niets.",
    forget_confirm: "Vergeten",
    forgotten: |n| {
        if n == 1 {
            "1 oude verwijdering vergeten.".into()
        } else {
            format!("{n} oude verwijderingen vergeten.")
        }
    },
    backups_title: "Kopieën van onleesbare gegevens",
    backups_help: "Toen de opgeslagen gegevens niet konden worden gelezen, bewaarde Keystone een kopie voordat het \
                   opnieuw begon.",
    backup_line: |when, chars| format!("{when} · {} KB", chars.div_ceil(1024)),
    backup_file: |day| format!("keystone-onleesbaar-{day}.txt"),
    backup_download: "Downloaden",
    backup_delete: "Verwijderen",
    backup_delete_title: "Deze kopie verwijderen?",
    backup_delete_body: "De kopie van de onleesbare gegevens wordt definitief uit deze browser verwijderd. Download \
                         haar eerst als u haar misschien nog nodig hebt.",
    undo_title: "Deze wijziging van veel accounts ongedaan maken?",
    undo_body: |removed, restored, kept, scoring| {
        let names = |v: &[String]| {
            let shown: Vec<&str> = v.iter().take(5).map(String::as_str).collect();
            let more = v.len().saturating_sub(5);
            if more > 0 {
                format!("{} en {more} meer", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        let mut parts = Vec::new();
        match removed.len() {
            0 => {}
            1 => parts.push(format!("Dit haalt het toegevoegde account weg ({}).", names(removed))),
            n => parts.push(format!("Dit haalt de {n} toegevoegde accounts weg ({}).", names(removed))),
        }
        match restored.len() {
            0 => {}
            1 => parts.push(format!("Het gewijzigde account ({}) wordt teruggezet zoals het was.", names(restored))),
            n => parts
                .push(format!("De {n} gewijzigde accounts worden teruggezet zoals ze waren ({}).", names(restored))),
        }
        if scoring {
            parts.push(
                "De instellingen (wegingen, niveaus, de catalogus van producten) gaan terug naar wat ze waren.".into(),
            );
        }
        if !kept.is_empty() {
            parts.push(format!(
                "U hebt sindsdien {} gewijzigd: {} zoals {} nu {}.",
                names(kept),
                if kept.len() == 1 { "dat blijft" } else { "die blijven" },
                if kept.len() == 1 { "het" } else { "ze" },
                if kept.len() == 1 { "is" } else { "zijn" }
            ));
        }
        if parts.is_empty() {
            parts.push("Er valt niets meer ongedaan te maken.".into());
        }
        parts.join(" ")
    },
    undo_confirm: "Wijziging ongedaan maken",
    undo_keep: "Wijziging houden",
    add: "Toevoegen",
    skip: "Overslaan",
    me: "Ik",
    colleague: "Collega",
    record_title: |kind, name| format!("{} · {name}", (SHARE.kind)(kind)),
    choice_for: |title| format!("Gebruik voor {title}"),
    choice_for_field: |title, field| format!("Gebruik voor {title} · {field}"),
    shown: |v, c| super::shown_in(&NL, v, c),
    keep_mine: "Mijn versie houden",
    all_mine: |what| format!("Overal mijn versie houden voor {what}"),
    all_theirs: |what| format!("Overal hun versie nemen voor {what}"),
    take_theirs: "Hun versie nemen",
    take_both: "Beide combineren",
    col_field: "Veld",
    col_mine: "Van mij",
    col_theirs: "Van hen",
    col_choice: "Gebruik",
    decided: |conflict| if conflict { "aan beide kanten gewijzigd" } else { "" },
    change: |c| match c {
        Change::New => "Nieuw",
        Change::Unchanged => "Ongewijzigd",
        Change::ChangedThere => "Daar gewijzigd",
        Change::ChangedHere => "Hier gewijzigd",
        Change::ChangedBoth => "Aan beide kanten gewijzigd",
        Change::Conflict => "Conflict",
        Change::DeletedThere => "Daar verwijderd",
    },
    kind: |k| match k {
        RecordKind::Account => "Account",
        RecordKind::Plan => "Plan",
        RecordKind::Scoring => "Score-instellingen",
        RecordKind::Catalogue => "Catalogus van producten",
    },
    field_name: |f| match f {
        FieldName::Account(f) => (NL.account_field)(*f).into(),
        FieldName::Assessment => "Checklist en beoordelingen".into(),
        FieldName::Plan(p) => match p {
            PlanPart::Promotion => "Bevordering".into(),
            PlanPart::Objectives => "Doelstellingen".into(),
            PlanPart::Actions => "Acties".into(),
            PlanPart::Agreements => "Serviceafspraken".into(),
            PlanPart::Kpis => "KPI's".into(),
            PlanPart::Meetings => "Gesprekken".into(),
            PlanPart::Needs => "Toekomstige behoeften".into(),
            PlanPart::Swot => "SWOT".into(),
            PlanPart::Review => "Evaluatie".into(),
            PlanPart::Reviews => "Gehouden evaluaties".into(),
        },
        FieldName::Scoring => "Wegingen, niveaus en valuta".into(),
        FieldName::Extra => "Velden uit het CRM".into(),
        FieldName::Deals => "Dealhistorie".into(),
        FieldName::Stakeholders => "Stakeholders".into(),
        FieldName::Parent => "Moederbedrijf".into(),
        FieldName::Whitespace => "Witte vlekken".into(),
        FieldName::Offerings => "Producten".into(),
        FieldName::Other(key) => key.replace('_', " "),
    },
    count_line: |counts| {
        counts.iter().map(|(c, n)| format!("{} {n}", (SHARE.change)(*c))).collect::<Vec<_>>().join(" · ")
    },
    error: |e| {
        match e {
        ImportError::TooLarge { max, .. } => format!("het bestand is groter dan {} MB", max / (1024 * 1024)),
        ImportError::NotJson { line, column, .. } => format!("het is geen geldige JSON (regel {line}, kolom {column})"),
        ImportError::NotKeystone => "het is geen Keystone-export".into(),
        ImportError::Newer { found, supported } => format!(
            "het is gemaakt door een nieuwere Keystone (formaat {found}; deze leest tot en met {supported}); werk Keystone eerst bij"
        ),
        ImportError::Invalid { path, message, line: 0, .. } => format!("{path} klopt niet: {message}"),
        ImportError::Invalid { path, message, line, column } => {
            format!("{path} klopt niet: {message} (regel {line}, kolom {column})")
        }
    }
    },
    empty_value: "(leeg)",
    csv_title: "Spreadsheets",
    csv_help: "Haal accounts binnen uit een CRM- of Excel-export, of neem de ranglijst mee naar Excel.",
    separator: "Scheidingsteken",
    separator_comma: "Komma (de meeste Excel-versies)",
    separator_semicolon: "Puntkomma (Nederlandse Excel)",
    export_csv: "Ranglijst exporteren (CSV)",
    import_csv: "Accounts importeren uit CSV",
    csv_file_name: |day| format!("keystone-ranglijst-{day}.csv"),
    export_file_name: |day, selected| match selected {
        None => format!("keystone-{day}.json"),
        Some(1) => format!("keystone-{day}-1-account.json"),
        Some(n) => format!("keystone-{day}-{n}-accounts.json"),
    },
    mapping_title: |file| format!("Accounts importeren uit {file}"),
    mapping_help: "Controleer wat elke kolom wordt: de gissingen komen uit de kolomnamen en hun waarden. \
        Er verandert niets tot u importeert, en een import kan ongedaan worden gemaakt.",
    column_becomes: |header| format!("Kolom \u{201c}{header}\u{201d} wordt"),
    target: |t| match t {
        Target::Ignore => "(niet geïmporteerd)".into(),
        Target::Field(f) => (NL.account_field)(f).into(),
        Target::Extra => "Bewaren als extra veld".into(),
        Target::Parent => "Moederbedrijf (naam of CRM-id)".into(),
        Target::Rating(c) => format!("Beoordeling {} (0–5)", (NL.criterion)(c).to_lowercase()),
        Target::Answer(q) => format!("Antwoord: {}", (NL.question)(q)),
    },
    export_column: |c| match c {
        ExportColumn::Rank => "Positie".into(),
        ExportColumn::Field(AccountField::Name) => "Account".into(),
        ExportColumn::Field(f) => (NL.account_field)(f).into(),
        ExportColumn::RevenueRank => "Positie op omzet".into(),
        ExportColumn::Score => "Score".into(),
        ExportColumn::Tier => "Niveau".into(),
        // Tagged, so that an import in any language reads them back.
        ExportColumn::Rating(c) => {
            Target::Rating(c).tagged_header(&format!("Beoordeling {}", (NL.criterion)(c).to_lowercase()))
        }
        ExportColumn::Answer(q) => Target::Answer(q).tagged_header((NL.question)(q)),
    },
    row_problem: |line, field, problem| format!("Regel {line}: {field}: {problem}"),
    row_duplicate: |line| {
        format!("Regel {line}: herhaalt een eerdere rij, of noemt een account met een ander CRM-id (overgeslagen)")
    },
    more_problems: |n| format!("en {n} meer"),
    skip_problems: "Rijen met problemen overslaan",
    fix_or_skip: "Verbeter het bestand, of kies ervoor rijen met problemen over te slaan.",
    csv_error: |e| match e {
        CsvError::TooLarge(bytes) => {
            format!("het bestand is {} MB; bestanden boven 10 MB worden geweigerd", bytes.div_ceil(1024 * 1024))
        }
        CsvError::Empty => "het bestand is leeg".into(),
        CsvError::TooManyRows => "het bestand heeft meer dan 50.000 rijen".into(),
        CsvError::TooManyColumns => "het bestand heeft meer dan 500 kolommen".into(),
        CsvError::Malformed { line, .. } => format!("regel {line} is niet als CSV te lezen"),
    },
    no_name_column: "Kies welke kolom de naam van het account bevat.",
};

const CRM: CrmTexts = CrmTexts {
    currency_title: "Valuta",
    currency_help: "De valuta van elk bedrag in deze portefeuille. Wijzigen rekent niets om: \
        één portefeuille, één valuta.",
    currency_label: "Valuta",
    currency_changed: |c| format!("Bedragen worden nu getoond in {}.", (CRM.currency_name)(c)),
    currency_name: |c| match c {
        Currency::Eur => "Euro (EUR)",
        Currency::Usd => "Amerikaanse dollar (USD)",
        Currency::Gbp => "Brits pond (GBP)",
        Currency::Chf => "Zwitserse frank (CHF)",
        Currency::Sek => "Zweedse kroon (SEK)",
        Currency::Nok => "Noorse kroon (NOK)",
        Currency::Dkk => "Deense kroon (DKK)",
        Currency::Pln => "Poolse zloty (PLN)",
    },
    money_header: |label, c| format!("{label} ({})", c.code()),
    money_short: |v, c| with_currency(&short_amount(v.abs()), v < 0.0, c),
    import_deals: "Dealhistorie importeren (CSV)",
    deals_help: "Een export van deals of opportunities (account, fase, sluitdatum, waarde) laat zien wat elk account \
        echt kocht: gewonnen omzet per jaar en per kwartaal, producten, open pijplijn.",
    file_facts: |rows, columns, encoding| {
        format!("{} rijen · {columns} kolommen · {encoding}", group_thousands(rows as f64))
    },
    encoding: |e| match e {
        TextEncoding::Utf8 => "tekst in UTF-8",
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => "tekst in UTF-16",
        TextEncoding::Windows1252 => "tekst in Windows-1252 (West-Europees), omgezet",
    },
    separator_found: "Kolommen gescheiden door",
    separator_name: |s| match s {
        b',' => "Komma",
        b';' => "Puntkomma",
        b'\t' => "Tab",
        b'|' => "Verticale streep",
        _ => "Anders",
    },
    no_values: "(leeg)",
    amounts_in: "Bedragen zijn in",
    currency_found: |c| format!("De bedragen in dit bestand zijn gemarkeerd in {}.", (CRM.currency_name)(c)),
    currency_switch: |now, chosen| {
        format!(
            "Uw portefeuille is in {}; importeren zet die om naar {}. Er wordt geen bedrag omgerekend.",
            (CRM.currency_name)(now),
            (CRM.currency_name)(chosen)
        )
    },
    linked: |linked, unlinked| {
        match unlinked {
        0 => format!(" {} in hun groep geplaatst.", accounts(linked)),
        n => format!(
            " {} in hun groep geplaatst; {n} moederbedrij{} niet gevonden of geweigerd (een groep kan zichzelf niet bevatten).",
            accounts(linked),
            if n == 1 { "f" } else { "ven" }
        ),
    }
    },
    imported: |added, updated| match (added, updated) {
        (a, 0) => format!("{} geïmporteerd.", accounts(a)),
        (0, u) => format!("{} bijgewerkt.", accounts(u)),
        (a, u) => format!("{} geïmporteerd en {} bijgewerkt.", accounts(a), accounts(u)),
    },
    examples: "Voorbeelden",
    valid: "Geldig",
    more_columns: |n| format!("nog {n} kolommen, niet geïmporteerd"),
    row_updates: |line, name| format!("Regel {line} werkt {name} bij"),
    rows_defaulted: |n, f| {
        match f {
        AccountField::Status => format!(
            "{} met een status die niet in de lijst hierboven staat: ze worden geïmporteerd als {} — pas dat zo nodig aan in de lijst.",
            rows(n),
            (NL.status)(Status::Customer)
        ),
        _ => format!("{} met een waarde die niet in de lijst hierboven staat: dat veld blijft leeg.", rows(n)),
    }
    },
    updates_title: "Accounts die deze import bijwerkt",
    problems_title: "Rijen die niet te importeren zijn",
    tally: |t| {
        let parts = [
            (t.new, if t.new == 1 { "1 nieuw account".to_string() } else { format!("{} nieuwe accounts", t.new) }),
            (t.update, format!("{} bij te werken", accounts(t.update))),
            (t.unchanged, format!("{} al actueel", accounts(t.unchanged))),
            (t.invalid, format!("{} met problemen", rows(t.invalid))),
            (t.duplicate, format!("{} overgeslagen als dubbel", rows(t.duplicate))),
        ];
        let text: Vec<String> = parts.into_iter().filter(|(n, _)| *n > 0).map(|(_, text)| text).collect();
        if text.is_empty() {
            "Geen rijen.".into()
        } else {
            text.join(" · ")
        }
    },
    import_button: |new, update| match (new, update) {
        (0, 0) => "Importeren".into(),
        (n, 0) => format!("{} importeren", accounts(n)),
        (0, u) => format!("{} bijwerken", accounts(u)),
        (n, u) => format!("{} importeren en {u} bijwerken", accounts(n)),
    },
    scale_preview: |raw, read| format!("\u{201c}{raw}\u{201d} wordt gelezen als {read}"),
    scale_label: "Bedragen zijn",
    scale: |s| match s {
        Scale::Units => "zoals geschreven",
        Scale::Thousands => "in duizenden",
        Scale::Millions => "in miljoenen",
    },
    looks_scaled: "Elk bedrag is kleiner dan 10.000 — staan ze in duizenden?",
    valid_share: |valid, of, choice| {
        if choice {
            format!("{valid} van {of} herkend")
        } else {
            format!("{valid} van {of}")
        }
    },
    value_becomes: |v| format!("\u{201c}{v}\u{201d} wordt"),
    value_default: |f| match f {
        AccountField::Status => format!("Standaard ({})", (NL.status)(Status::Customer)),
        _ => "Leeg laten".into(),
    },
    choice_label: |f, slug| match f {
        AccountField::Status => Status::from_slug(slug).map_or(slug.to_string(), |s| (NL.status)(s).into()),
        AccountField::Stage => Stage::from_slug(slug).map_or(slug.to_string(), |s| (PORTFOLIO.stage)(s).into()),
        _ => slug.to_string(),
    },
    values_title: |field| format!("Waarden van {field}"),
    value: "Waarde in het bestand",
    rows: "Rijen",
    becomes: "Wordt",
    other_values: |n, f| {
        format!("{} hebben zeldzamere waarden; die krijgen de standaard ({}).", rows(n), (CRM.value_default)(f))
    },

    deals_title: |file| format!("Dealhistorie uit {file}"),
    deals_mapping_help: "Controleer welke kolom het account, de waarde, de fase en de sluitdatum is, en wat elke \
        fase betekent. Er verandert niets tot u de historie toevoegt, en dat kan ongedaan worden gemaakt.",
    deals_imported: |n, in_use| match in_use {
        0 => format!("Dealhistorie toegevoegd aan {}.", accounts(n)),
        1 => format!(
            "Dealhistorie toegevoegd aan {}; 1 product dat als gewonnen staat, is nu gemarkeerd als in gebruik.",
            accounts(n)
        ),
        k => format!(
            "Dealhistorie toegevoegd aan {}; {k} producten die als gewonnen staan, zijn nu gemarkeerd als in gebruik.",
            accounts(n)
        ),
    },
    not_used: "(niet gebruikt)",
    deal_field: |f| match f {
        DealField::Account => "Naam van het account",
        DealField::AccountId => "CRM-id van het account",
        DealField::Product => "Product",
        DealField::Stage => "Fase (gewonnen, open, verloren)",
        DealField::CloseDate => "Sluitdatum",
        DealField::Amount => "Waarde",
    },
    deal_missing: |f| match f {
        DealField::Account => "Kies de kolom met het account (de naam of het CRM-id).".into(),
        f => format!("Kies de kolom met de {}.", (CRM.deal_field)(f).to_lowercase()),
    },
    stages_title: "Wat elke fase betekent",
    stage_default: "Open (standaard)",
    deal_stage: |s| match s {
        DealStage::Won => "Gewonnen",
        DealStage::Open => "Open",
        DealStage::Lost => "Verloren",
    },
    date_order: "Datums staan geschreven met",
    day_first: "De dag eerst (31-03-2026)",
    month_first: "De maand eerst (3/31/2026)",
    deal_currency: |found, portfolio| {
        format!(
            "De waarden staan in {}, uw portefeuille is in {}. Ze worden genomen zoals ze zijn: er wordt niets omgerekend.",
            (CRM.currency_name)(found),
            (CRM.currency_name)(portfolio)
        )
    },
    deal_tally: |deals, accounts_n, matched, refused| {
        let mut parts = vec![format!("{} deals gelezen", group_thousands(deals as f64))];
        parts.push(format!("{} gekoppeld ({} deals)", accounts(accounts_n), group_thousands(matched as f64)));
        if refused > 0 {
            parts.push(format!("{} niet te lezen", rows(refused)));
        }
        parts.join(" · ")
    },
    deal_refused: |line, p| {
        let why = match p {
            DealProblem::NoAccount => "geen account",
            DealProblem::NoAmount => "geen waarde",
            DealProblem::BadAmount => "de waarde is geen getal",
            DealProblem::NegativeAmount => "de waarde is negatief",
            DealProblem::BadDate => "de sluitdatum is geen datum",
            DealProblem::WonWithoutDate => "een gewonnen deal zonder sluitdatum",
        };
        format!("Regel {line}: {why}")
    },
    unmatched_title: "Accounts in de deals die niet in uw portefeuille staan",
    unmatched_help:
        "Ze worden niet aangemaakt. Voeg ze toe (of importeer ze uit uw CRM) en importeer de deals opnieuw.",
    unmatched_line: |name, deals, won| format!("{name}: {deals} deals, {won} gewonnen"),
    more_accounts: |n| if n == 1 { "en nog 1 account".into() } else { format!("en nog {n} accounts") },
    set_revenue: "Zet ook de huidige omzet van elk account op de gewonnen omzet van de laatste 12 maanden",
    add_deals: |n| {
        if n == 0 {
            "Dealhistorie toevoegen".into()
        } else {
            format!("Dealhistorie toevoegen aan {}", accounts(n))
        }
    },

    deals_panel: "Dealhistorie",
    deals_as_of: |d| format!("Uit de deals die op {d} zijn geïmporteerd."),
    won_last: "Gewonnen, laatste 12 maanden",
    won_prior: "Gewonnen, 12 maanden daarvoor",
    growth_title: "Groei",
    growth: |g| {
        let pct = (g * 100.0).round();
        if pct > 0.0 {
            format!("+{pct:.0} %")
        } else {
            format!("{pct:.0} %")
        }
    },
    no_growth: "—",
    products: "Gekochte producten",
    pipeline: "Open pijplijn",
    pipeline_value: |v, n| if n == 1 { format!("{v} (1 deal)") } else { format!("{v} ({n} deals)") },
    quarters_title: "Gewonnen omzet per kwartaal",
    quarters_caption: "Gewonnen omzet per kwartaal over de laatste twee jaar, uit de geïmporteerde deals.",
    quarter: |y, q| format!("K{q} \u{2019}{:02}", y.rem_euclid(100)),
    use_as_revenue: |v| format!("{v} als huidige omzet gebruiken"),
    use_as_revenue_help: "Gewonnen omzet in de laatste 12 maanden, uit de deals.",
    revenue_set: |v| format!("Huidige omzet op {v} gezet."),
    extra_title: "Uit uw CRM",
    why_deals: |last, prior, growth| match growth {
        Some(g) => {
            format!("Deals: {last} gewonnen in de laatste 12 maanden, {prior} in de 12 daarvoor ({}).", (CRM.growth)(g))
        }
        None => format!("Deals: {last} gewonnen in de laatste 12 maanden."),
    },
    evidence: |yes, figures| format!("De deals wijzen op {}: {figures}", if yes { "ja" } else { "nee" }),
    evidence_growth: |last, prior, growth| {
        format!("{last} gewonnen in de laatste 12 maanden tegen {prior} daarvoor ({growth}).")
    },
    evidence_quarters: |n| format!("deals gewonnen in {n} van de laatste 4 volledige kwartalen."),
    take_answer: |yes| if yes { "Ja antwoorden".into() } else { "Nee antwoorden".into() },
};

/// "1 account", "12 accounts".
fn accounts(n: usize) -> String {
    if n == 1 {
        "1 account".into()
    } else {
        format!("{} accounts", group_thousands(n as f64))
    }
}

/// "1 rij", "12 rijen".
fn rows(n: usize) -> String {
    if n == 1 {
        "1 rij".into()
    } else {
        format!("{} rijen", group_thousands(n as f64))
    }
}

const PLAN: PlanTexts = PlanTexts {
    nav_plans: "Plannen",
    promote: "Bevorderen tot key account",
    promoted: "Bevorderd tot key account. Stel de doelen vast voordat u het de klant vertelt.",
    open_plan: "Plan openen",
    plan_of: |name| format!("Accountplan · {name}"),
    no_plan: "Dit account heeft geen plan. Bevorder het tot key account om er een te beginnen.",
    tab: |s| match s {
        Section::Summary => "Samenvatting",
        Section::Goals => "1 · Doelen",
        Section::Deliver => "2 · Uitvoeren",
        Section::Measure => "3 · Meten",
        Section::Anticipate => "4 · Anticiperen",
        Section::Swot => "SWOT",
        Section::Review => "Evaluatie",
    },
    sections: "Onderdelen van het plan",
    health: "Plangezondheid",
    band: |b| match b {
        Band::Red => "zwak",
        Band::Yellow => "redelijk",
        Band::Green => "goed",
    },
    trend: |t| match t {
        Trend::Improving => "verbetert",
        Trend::Worsening => "verslechtert",
        Trend::Flat => "stabiel",
        Trend::Unknown => "te weinig gegevens",
    },
    trend_mark: |t| match t {
        Trend::Improving => "↗",
        Trend::Worsening => "↘",
        Trend::Flat => "→",
        Trend::Unknown => "·",
    },
    trend_line: |t| format!("{} {}", (PLAN.trend_mark)(t), (PLAN.trend)(t)),
    band_and_trend: |b, t| format!("{} · {}", (PLAN.band)(b), (PLAN.trend)(t)),
    health_label: |score, b| format!("Plangezondheid {score} ({})", (PLAN.band)(b)),
    health_parts: "Hoe het is opgebouwd",
    health_part: |p| match p {
        HealthPart::Objectives => "Doelen op koers, elk met twee acties",
        HealthPart::Actions => "Acties op tijd",
        HealthPart::Kpis => "KPI's gemeten en op koers",
        HealthPart::Reviews => "Evaluatie gepland, klant onlangs gesproken",
        HealthPart::Stakeholders => "Stakeholders in kaart zonder hiaten",
        HealthPart::Freshness => "Bijgehouden",
    },
    points_of: |got, of| format!("{got} van {of}"),
    status_of: |item| format!("Status {item}"),
    updated_days_ago: |d| match d {
        0 => "Vandaag bijgewerkt".into(),
        1 => "Gisteren bijgewerkt".into(),
        d => format!("{d} dagen geleden bijgewerkt"),
    },
    stale: "Verouderd",
    next_review_on: |d| format!("Volgende evaluatie {d}"),
    review_overdue: "Evaluatie te laat",
    none_yet: "Nog geen.",
    more: |n| format!("en {n} meer"),

    sum_goals: "Doelen",
    sum_actions: "Volgende acties",
    sum_kpis: "KPI's",
    sum_swot: "SWOT",

    promotion_title: "Bevordering tot key account",
    promotion_help: "Spreek binnen het bedrijf af wat u toezegt en wat de klant mag verwachten, voordat u het de \
                     klant vertelt.",

    objectives_title: "Doelstellingen",
    objectives_help: "Wat u met en voor dit account wilt bereiken, waarom, en hoe.",
    no_link: "Geen",
    add_objective: "Doelstelling toevoegen",
    thin_objective: "Minder dan twee acties",
    at_risk: "In gevaar",
    actions_count: |n| if n == 1 { "1 actie".into() } else { format!("{n} acties") },

    actions_title: "Acties en toezeggingen",
    actions_help: "Wat er geleverd wordt, door wie en wanneer. Elke doelstelling verdient minstens twee acties.",
    add_action: "Actie toevoegen",
    overdue: "Te laat",
    agreements_title: "Serviceafspraken",
    agreements_help: "Wat de klant van ons kan verwachten: reactietijden, een vast aanspreekpunt, een vast ritme van \
                      evaluaties.",
    add_agreement: "Afspraak toevoegen",

    kpis_title: "KPI's",
    kpis_help: "Meet waarvoor het account is gekozen: tevredenheid, omzetgroei, productgebruik.",
    add_kpi: "KPI toevoegen",
    suggestions: "Voorgesteld vanuit de criteria waarop dit account hoog scoort:",
    suggestion_name: |c| match c {
        Criterion::RevenueVolume => "Omzetgroei",
        Criterion::RevenuePotential => "Aandeel in de klantbesteding",
        Criterion::LifetimeValue => "Brutomarge",
        Criterion::ProductFit => "Productgebruik",
        Criterion::StrategicValue => "Klanttevredenheid (NPS)",
    },
    suggestion_unit: |k| match k {
        KpiKind::Satisfaction => "punten",
        _ => "%",
    },
    quantity: |value, unit| if unit.is_empty() { value.to_string() } else { format!("{value} {unit}") },
    against_target: |value, target, unit| {
        if unit.is_empty() {
            format!("{value} / {target}")
        } else {
            format!("{value} / {target} {unit}")
        }
    },
    measurement_of: |kpi, date| format!("{kpi} {date}"),
    add_measurement_to: |kpi| format!("Meting toevoegen · {kpi}"),
    measurements_count: |n| format!("Metingen ({n})"),
    meeting_on: |date| format!("Gesprek op {date}"),
    use_suggestion: |name| format!("\u{201c}{name}\u{201d} gebruiken"),
    add_measurement: "Meting toevoegen",
    progress: |p| format!("{:.0} % van de weg naar de doelwaarde", p * 100.0),
    latest: |value, date| format!("Laatst {value} op {date}"),
    no_measurements: "Nog geen metingen.",
    off_target: "Achter op doel",
    target_line: |v| format!("Doel {v}"),
    chart_of: |name| format!("Metingen van {name} tegenover de doelwaarde"),

    meetings_title: "Gesprekken",
    meetings_help: "Spreek de klant regelmatig om huidige en toekomstige uitdagingen te horen; vervolgacties worden \
                    met één klik acties.",
    log_meeting: "Gesprek vastleggen",
    pick_attendees: "Toevoegen uit de stakeholders:",
    make_action: "Maak er een actie van",
    is_action: "Actie aangemaakt",
    action_created: "De vervolgactie staat nu als actie in stap 2.",

    needs_title: "Toekomstige behoeften",
    needs_help: "Behoeften die u hoort worden kansen: noteer ze, stel een oplossing voor, volg ze tot gewonnen of \
                 verloren.",
    add_need: "Behoefte toevoegen",
    open_needs: |open, potential| {
        format!("Open behoeften ter waarde van {open}, tegenover een omzetpotentieel van {potential} per jaar.")
    },

    swot_help: "Onze positie bij dit account: wat ons helpt en wat ons schaadt, van binnen en van buiten.",
    quadrant: |q| match q {
        Quadrant::Strengths => "Sterktes",
        Quadrant::Weaknesses => "Zwaktes",
        Quadrant::Opportunities => "Kansen",
        Quadrant::Threats => "Bedreigingen",
    },
    new_entry: |q| match q {
        Quadrant::Strengths => "Nieuwe sterkte",
        Quadrant::Weaknesses => "Nieuwe zwakte",
        Quadrant::Opportunities => "Nieuwe kans",
        Quadrant::Threats => "Nieuwe bedreiging",
    },
    add_entry: |q| match q {
        Quadrant::Strengths => "Sterkte toevoegen",
        Quadrant::Weaknesses => "Zwakte toevoegen",
        Quadrant::Opportunities => "Kans toevoegen",
        Quadrant::Threats => "Bedreiging toevoegen",
    },

    review_title: "Evaluatie",
    review_help: "Plannen die verouderen helpen niet meer. Leg vast wanneer u dit plan weer evalueert en hoe vaak.",

    overview_title: "Accountplannen",
    overview_intro: "Alle plannen in één oogopslag. Verouderde plannen en achterstallig werk staan bovenaan.",
    overview_empty: "Nog geen plannen. Open een key account en bevorder het om een plan te beginnen.",
    col_health: "Gezondheid",
    col_next_review: "Volgende evaluatie",
    col_overdue: "Acties te laat",
    col_at_risk: "Doelstellingen in gevaar",
    col_off_target: "KPI's achter op doel",
    col_updated: "Dagen sinds bijgewerkt",

    delete_item: |what| format!("{what} verwijderen"),
    edit_item: |what| format!("{what} bewerken"),
    save_changes: "Wijzigingen opslaan",
    edit: "Bewerken",
    confirm_item_title: "Dit onderdeel verwijderen?",
    confirm_item_body: "Het wordt uit het plan verwijderd. U kunt dit direct daarna ongedaan maken.",
    item_deleted: "Uit het plan verwijderd.",
    plan_gone: "Dit plan bestaat niet meer; er is niets opgeslagen.",

    objective_field: |f| match f {
        ObjectiveField::What => "Wat (resultaat)",
        ObjectiveField::Owner => "Eigenaar",
        ObjectiveField::Why => "Waarom",
        ObjectiveField::How => "Hoe (aanpak)",
        ObjectiveField::Perspective => "Perspectief",
        ObjectiveField::Target => "Streefdatum",
        ObjectiveField::Status => "Status",
        ObjectiveField::Kpi => "Gemeten met KPI",
    },
    action_field: |f| match f {
        ActionField::Title => "Actie",
        ActionField::Objective => "Voor doelstelling",
        ActionField::Owner => "Eigenaar",
        ActionField::Team => "Team",
        ActionField::Due => "Uiterlijk",
        ActionField::Status => "Status",
    },
    agreement_field: |f| match f {
        AgreementField::Text => "Afspraak",
    },
    kpi_field: |f| match f {
        KpiField::Name => "Naam van de KPI",
        KpiField::Unit => "Eenheid",
        KpiField::Kind => "Soort",
        KpiField::Criterion => "Volgt criterium",
        KpiField::Baseline => "Beginwaarde",
        KpiField::Target => "Doelwaarde",
        KpiField::Direction => "Beter is",
        KpiField::TargetDate => "Streefdatum",
    },
    measurement_field: |f| match f {
        MeasurementField::Date => "Gemeten op",
        MeasurementField::Value => "Waarde",
    },
    meeting_field: |f| match f {
        MeetingField::Date => "Datum van het gesprek",
        MeetingField::Attendees => "Deelnemers",
        MeetingField::Summary => "Samenvatting",
        MeetingField::FollowUps => "Vervolgacties (één per regel)",
    },
    need_field: |f| match f {
        NeedField::Need => "Behoefte",
        NeedField::Heard => "Gehoord wanneer / waar",
        NeedField::Timeframe => "Verwachte termijn",
        NeedField::Value => "Geschatte waarde",
        NeedField::Solution => "Voorgestelde oplossing",
        NeedField::Status => "Status",
    },
    swot_field: |f| match f {
        SwotField::Entry => "Punt",
    },
    review_field: |f| match f {
        ReviewField::Next => "Volgende evaluatie",
        ReviewField::Cadence => "Evalueren elke (dagen)",
    },
    promotion_field: |f| match f {
        PromotionField::PromotedOn => "Bevorderd op",
        PromotionField::ToldOn => "Klant ingelicht op",
        PromotionField::Internal => "Interne verwachtingen (wat wij toezeggen)",
        PromotionField::External => "Externe verwachtingen (wat de klant mag verwachten)",
    },
    objective_status: |s| match s {
        ObjectiveStatus::NotStarted => "Niet begonnen",
        ObjectiveStatus::OnTrack => "Op schema",
        ObjectiveStatus::AtRisk => "In gevaar",
        ObjectiveStatus::Done => "Bereikt",
        ObjectiveStatus::Dropped => "Geschrapt",
    },
    action_status: |s| match s {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "Bezig",
        ActionStatus::Done => "Klaar",
        ActionStatus::Blocked => "Geblokkeerd",
    },
    team: |t| match t {
        Team::Sales => "Sales",
        Team::Service => "Service",
        Team::Operations => "Operations",
        Team::Product => "Product",
        Team::Management => "Directie",
        Team::Other => "Anders",
    },
    perspective: |p| match p {
        Perspective::Ours => "Ons perspectief",
        Perspective::Client => "Perspectief van de klant",
    },
    kpi_kind: |k| match k {
        KpiKind::Satisfaction => "Tevredenheid",
        KpiKind::RevenueGrowth => "Omzetgroei",
        KpiKind::ProductAdoption => "Productgebruik",
        KpiKind::Custom => "Eigen",
    },
    direction: |d| match d {
        Direction::Higher => "Hoger",
        Direction::Lower => "Lager",
    },
    need_status: |s| match s {
        NeedStatus::Identified => "Gesignaleerd",
        NeedStatus::Proposed => "Voorgesteld",
        NeedStatus::Won => "Gewonnen",
        NeedStatus::Lost => "Verloren",
    },
};

/// An amount in whole units of `c`, grouped the Dutch way: `€ 1.250.000`, `CHF 1.250.000`,
/// `1.250.000 kr`; a negative amount `€ -1.000`.
fn money(v: f64, c: Currency) -> String {
    with_currency(&group_thousands(v.abs()), v < 0.0 && v.round() != 0.0, c)
}

fn with_currency(amount: &str, negative: bool, c: Currency) -> String {
    let minus = if negative { "-" } else { "" };
    if c.sign_first() {
        format!("{} {minus}{amount}", c.symbol())
    } else {
        format!("{minus}{amount} {}", c.symbol())
    }
}

/// `1,2 mln`, `46k`, `900`: amounts in short, with a decimal comma.
fn short_amount(v: f64) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{} mln", decimal(v / 1e6, 1))
    } else if a >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if a >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        decimal(v, 1)
    }
}

/// `v` with `places` decimals and a decimal comma: `12,5`.
fn decimal(v: f64, places: usize) -> String {
    format!("{v:.places$}").replace('.', ",")
}

/// `1234.5` → `1.234,5`; whole numbers without decimals.
fn group_decimal(v: f64) -> String {
    super::grouped_decimal(v, '.', ',')
}

/// `1234567.8` → `1.234.568`: revenue is shown in whole euros.
fn group_thousands(v: f64) -> String {
    super::grouped(v, '.')
}

const RATE: RateTexts = RateTexts {
    nav: "Beoordelen",
    title: "Accounts beoordelen",
    help: "Geef elk account de beoordelingen die het nog mist, één rij per account. Een grijs cijfer is het voorstel \
           van Keystone op basis van de cijfers en antwoorden van het account; typ eroverheen om zelf te beslissen. \
           Scores en niveaus volgen terwijl u werkt.",
    keys_help: "Toetsen: pijltjes gaan van cel naar cel · 0–5 beoordelen en door naar de volgende ontbrekende \
                beoordeling · Delete gaat terug naar het voorstel · Enter opent de checklist, waar J (of Y) en N \
                antwoorden en Escape sluit · Spatie selecteert de rij.",
    progress: |rated, total| format!("{rated} van {total} beoordeeld"),
    incomplete_only: "Alleen accounts die nog een beoordeling missen",
    grid_label: "Beoordelingen per account",
    col_select: "Selecteren",
    col_score: "Score",
    cell: |criterion, rating, set| match (rating, set) {
        (Some(r), true) => format!("{criterion}: {r}, door u ingesteld"),
        (Some(r), false) => format!("{criterion}: {r}, voorgesteld"),
        (None, _) => format!("{criterion}: nog te beoordelen"),
    },
    missing: "–",
    suggested_title: "Voorgesteld: typ een cijfer om zelf te beslissen",
    select_row: |name| format!("{name} selecteren"),
    editing: |criterion, name| format!("{criterion} voor {name}"),
    use_suggestion: "Voorstel gebruiken",
    open_checklist: "Checklist",
    close_checklist: "Checklist sluiten",
    checklist_of: |criterion, name| format!("Checklist {} voor {name}", criterion.to_lowercase()),
    nothing_listed: "Geen accounts voldoen aan deze filters.",
    selected: |n| if n == 1 { "1 account geselecteerd".into() } else { format!("{n} accounts geselecteerd") },
    bulk_set: "Zet",
    bulk_rating: "op beoordeling",
    bulk_answer: "Beantwoord",
    bulk_question: "met",
    bulk_apply_rating: "Beoordeling zetten",
    bulk_apply_answer: "Antwoord zetten",
    clear_selection: "Selectie wissen",
    select_all: "Alle getoonde accounts selecteren",
    rated_many: |n| if n == 1 { "1 account beoordeeld.".into() } else { format!("{n} accounts beoordeeld.") },
    answered_many: |n| {
        if n == 1 {
            "Beantwoord voor 1 account.".into()
        } else {
            format!("Beantwoord voor {n} accounts.")
        }
    },
    next_unrated: "Volgend onbeoordeeld account",
    all_rated: "Alle andere accounts zijn beoordeeld.",
    rate_many_link: "Veel tegelijk beoordelen",
    facts_title: "Kerncijfers",
    fact_revenue: "Omzet per jaar",
    fact_potential: "Extra potentieel per jaar",
    fact_margin: "Brutomarge",
    fact_years: "Verwachte relatieduur",
    fact_stage: "Relatiefase",
    fact_missing: "niet ingevuld",
    margin: |m| format!("{} %", trim_number(m)),
    years: |y| if y == 1.0 { "1 jaar".into() } else { format!("{} jaar", trim_number(y)) },
    edit_details: "Gegevens bewerken",
    answer_group: |q| format!("Antwoord: {q}"),
};

/// 12 → "12", 12.5 → "12,5": a figure as a person writes it.
fn trim_number(v: f64) -> String {
    let s = decimal(v, 1);
    s.strip_suffix(",0").map(str::to_string).unwrap_or(s)
}

const PEOPLE: PeopleTexts = PeopleTexts {
    title: "Stakeholders",
    help: "Wie beslist, wie koopt, wie gebruikt — en hoe ieder van hen tegenover ons staat. De kaart waarschuwt waar \
           de relatie dun is: geen pleitbezorger, een sterke tegenstander, geen of een uit beeld geraakte beslisser, \
           of alles via één persoon.",
    add: "Stakeholder toevoegen",
    none_yet: "Nog niemand in kaart. Begin met wie tekent, dan met naar wie die persoon luistert.",
    field: |f| match f {
        StakeholderField::Name => "Volledige naam",
        StakeholderField::Title => "Functie",
        StakeholderField::Department => "Afdeling",
        StakeholderField::Role => "Rol in de aankoop",
        StakeholderField::RoleName => "Naam van de nieuwe rol",
        StakeholderField::Influence => "Invloed (1–5)",
        StakeholderField::Attitude => "Houding tegenover ons",
        StakeholderField::ReportsTo => "Rapporteert aan",
        StakeholderField::Owner => "Onze relatiebeheerder",
        StakeholderField::LastContact => "Laatste contact",
        StakeholderField::Notes => "Notities over deze persoon",
    },
    role: |r| match r {
        BuyingRole::DecisionMaker => "Beslisser",
        BuyingRole::EconomicBuyer => "Budgethouder",
        BuyingRole::TechnicalBuyer => "Technisch beoordelaar",
        BuyingRole::User => "Gebruiker",
        BuyingRole::Influencer => "Beïnvloeder",
        BuyingRole::Gatekeeper => "Poortwachter",
        BuyingRole::Other => "Een andere rol…",
    },
    other_role: "Andere rol",
    own_role_hint: "Voor een rol die de zes hierboven niet dekken, zoals Juridisch of Ondernemingsraad. Ze komt in \
                    de lijst voor iedereen die u in kaart brengt; ze telt nooit als beslisser.",
    attitude: |a| match a {
        Attitude::Champion => "Pleitbezorger",
        Attitude::Supporter => "Voorstander",
        Attitude::Neutral => "Neutraal",
        Attitude::Sceptic => "Sceptisch",
        Attitude::Blocker => "Tegenstander",
    },
    nobody: "Niemand in de kaart",
    coverage_title: "Dekking",
    gap: |g| {
        match g {
        Gap::NoChampion => "Geen pleitbezorger: niemand bij het account pleit voor ons.".into(),
        Gap::StrongBlocker(name) => format!("{name} werkt ons tegen en heeft veel te zeggen (invloed 4 of 5)."),
        Gap::NoDecisionMaker => "Geen beslisser bekend: wie tekent?".into(),
        Gap::DecisionMakerOutOfTouch(name, Some(days)) => {
            format!("Beslisser {name} is {days} dagen geleden voor het laatst gesproken (meer dan 90).")
        }
        Gap::DecisionMakerOutOfTouch(name, None) => format!("Beslisser {name}: geen contact vastgelegd."),
        Gap::SingleThreaded(name) => format!(
            "Eén aanspreekpunt: de laatste 90 dagen spraken we alleen {name}. Vertrekt die persoon, dan staan we buiten."
        ),
    }
    },
    gap_short: |g| match g {
        Gap::NoChampion => "geen pleitbezorger".into(),
        Gap::StrongBlocker(name) => format!("sterke tegenstander ({name})"),
        Gap::NoDecisionMaker => "geen beslisser bekend".into(),
        Gap::DecisionMakerOutOfTouch(_, Some(days)) => format!("beslisser {days} dagen niet gesproken"),
        Gap::DecisionMakerOutOfTouch(_, None) => "beslisser nooit gesproken".into(),
        Gap::SingleThreaded(name) => format!("alles via {name}"),
    },
    covered: "Goed gedekt: een pleitbezorger, een beslisser in beeld, meerdere mensen gesproken.",
    chart_label: "Organogram van de stakeholders",
    chart_help:
        "De kleur is de houding tegenover ons (groen pleitbezorger … rood tegenstander), de grootte de invloed. \
                 Wijs een persoon aan voor de functie; klik om te bewerken. De lijst naast het organogram bevat \
                 dezelfde mensen.",
    owner_line: |o| format!("bij ons: {o}"),
    reports_to: |b| format!("rapporteert aan {b}"),
    influence: |n| format!("invloed {n} van 5"),
    last_contact: |d| format!("laatste contact {d}"),
    never_contacted: "geen contact vastgelegd",
    circle: "Niet opgeslagen: die rapportagelijn zou in een cirkel lopen.",
    deleted: "Stakeholder verwijderd.",
    tip: |name, title, attitude| {
        if title.is_empty() {
            format!("{name} · {attitude}")
        } else {
            format!("{name}, {title} · {attitude}")
        }
    },
    met: |n| match n {
        1 => "Laatste contact bijgewerkt voor 1 stakeholder.".into(),
        n => format!("Laatste contact bijgewerkt voor {n} stakeholders."),
    },
    gaps_of: |name, n| match n {
        1 => format!("{name}: 1 waarschuwing over de dekking"),
        n => format!("{name}: {n} waarschuwingen over de dekking"),
    },
    list_title: "Mensen",
};

const GROUPS: GroupTexts = GroupTexts {
    title: "Groep",
    help: "Een groep en haar dochterbedrijven, zoals in uw CRM. Omzet en potentieel van de groep tellen op op de \
           pagina van het moederbedrijf, en een plan op het moederbedrijf dekt leden zonder eigen plan.",
    parent_label: "Moederbedrijf",
    parent_hint: "De naam of het CRM-id van het account waar dit account onder valt.",
    set: "Moederbedrijf instellen",
    remove: "Uit de groep halen",
    part_of: "Onderdeel van de groep van",
    problem: |p| match p {
        GroupProblem::Unknown => "Geen account met die naam of dat CRM-id.",
        GroupProblem::Itself => "Een account kan niet zijn eigen moederbedrijf zijn.",
        GroupProblem::Circle => {
            "Dat account hoort al bij de groep van dit account: een groep kan zichzelf niet bevatten."
        }
    },
    subsidiaries: "Dochterbedrijven",
    rollup: |n, revenue, potential, whitespace| {
        format!("De groep: {n} accounts, omzet {revenue}, potentieel {potential}, witte vlekken {whitespace}.")
    },
    covered_by: |name| format!("Geen eigen plan: het groepsplan van {name} dekt dit account."),
    updated: "Groep bijgewerkt.",
    table_title: "Accountgroepen",
    col_group: "Groep",
    col_members: "Dochterbedrijven",
    col_revenue: "Omzet (groep)",
    col_potential: "Potentieel (groep)",
    col_whitespace: "Witte vlekken (groep)",
    members: |names| match names {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a}, {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} en {} meer", rest.len()),
    },
};

const WHITESPACE: WhitespaceTexts = WhitespaceTexts {
    title: "Witte vlekken",
    help: "Wat dit account van ons aanbod afneemt, waarover we in gesprek zijn en wat het nog meer zou kunnen kopen. \
           Waarden van potentieel en in gesprek tellen op tot de witte vlekken, die bij de beoordeling van het \
           omzetpotentieel staan; producten in gebruik staan bij de productfit. U beslist zelf over de beoordelingen.",
    no_catalogue: "Nog geen producten in de catalogus.",
    to_catalogue: "Voeg ze toe op de pagina Portefeuille.",
    col_offering: "Product",
    col_status: "Status",
    col_value: "Jaarwaarde",
    col_whitespace: "Witte vlekken",
    status: |s| match s {
        CellStatus::InUse => "In gebruik",
        CellStatus::InDiscussion => "In gesprek",
        CellStatus::Potential => "Potentieel",
        CellStatus::NotRelevant => "Niet relevant",
        CellStatus::Lost => "Verloren",
    },
    unset: "—",
    unknown_offering: "Een product dat in geen van beide catalogi staat",
    status_of: |name| format!("Status van {name}"),
    value_of: |name| format!("Jaarwaarde van {name}"),
    typical: |v| format!("doorgaans {v}"),
    bad_value: "Vul een bedrag van 0 of meer in, of laat het leeg voor de gebruikelijke waarde.",
    total: |value, used| match used {
        1 => format!("Witte vlekken {value} · 1 product in gebruik"),
        n => format!("Witte vlekken {value} · {n} producten in gebruik"),
    },
    why_potential: |value| format!("Witte vlekken: {value} in potentieel en in gesprek."),
    why_fit: |n| match n {
        1 => "Gebruikt 1 product uit de catalogus.".into(),
        n => format!("Gebruikt {n} producten uit de catalogus."),
    },
    catalogue_title: "Catalogus van producten",
    catalogue_help: "Wat u verkoopt, met wat een account er doorgaans per jaar van afneemt. De witte vlekken van elk \
                     account worden tegen deze lijst afgezet.",
    add_offering: "Product toevoegen",
    field: |f| match f {
        OfferingField::Name => "Product",
        OfferingField::Family => "Productfamilie",
        OfferingField::TypicalValue => "Gebruikelijke jaarwaarde",
    },
    deleted: "Product verwijderd.",
    heat_title: "Kaart voor kruisverkoop",
    heat_help: "Key accounts tegenover de catalogus: waar elk product staat, met de meeste witte vlekken eerst.",
    heat_empty: "Nog geen key accounts.",
};

const TEMPLATE: TemplateTexts = TemplateTexts {
    title: "Beginnen met een sjabloon",
    help: "Een plan voor de situatie waarin de account zit, met eerste doelen, acties met deadlines, KPI's \
           en een evaluatieritme. Alles is daarna aan te passen.",
    name: |t| match t {
        Template::Acquire => "Verwerven",
        Template::Expand => "Uitbouwen",
        Template::Retain => "Behouden",
        Template::TurnAround => "Herstellen",
    },
    blurb: |t| {
        match t {
        Template::Acquire => "Een nieuwe key account: bekend worden in hun inkoopproces en de eerste order winnen. Maandelijks geëvalueerd.",
        Template::Expand => "Een account die al koopt: een tweede productlijn en meer omzet. Elk kwartaal geëvalueerd.",
        Template::Retain => "Een waardevolle account: de overeenkomst verlengen en de klant tevreden houden. Elk kwartaal geëvalueerd.",
        Template::TurnAround => "Een account met problemen: oplossen wat schuurt en het vertrouwen terugwinnen. Elke twee weken geëvalueerd.",
    }
    },
    words: |t| match t {
        Template::Acquire => TemplateWords {
            objectives: ["Erkende leverancier worden in hun inkoopproces", "De eerste substantiële order binnenhalen"],
            actions: [
                "Beslissers en inkoopproces in kaart brengen",
                "Onze directie met de hunne kennis laten maken",
                "Een pilot voorstellen die onze waarde laat zien",
                "Het serviceniveau voor de pilot afspreken",
            ],
            kpis: [("Aandeel in hun uitgaven in onze categorie", "%"), ("Contactpersonen in gesprek", "personen")],
        },
        Template::Expand => TemplateWords {
            objectives: ["Een tweede productlijn in gebruik laten nemen", "De omzet met een vijfde laten groeien"],
            actions: [
                "Hun behoeften naast onze witte vlekken leggen",
                "Een gezamenlijke roadmapsessie houden",
                "Een bundel voorstellen voor hun volgende budgetronde",
                "Een businessreview met hun directie houden",
            ],
            kpis: [("Omzetgroei", "%"), ("Producten in gebruik", "producten")],
        },
        Template::Retain => TemplateWords {
            objectives: ["De raamovereenkomst verlengen", "Tevredenheid op 8 of hoger houden"],
            actions: [
                "Met hun inkoper de planning van de verlenging afspreken",
                "De service-incidenten van het afgelopen kwartaal met hen doornemen",
                "Directiebezoek om te bedanken en hun plannen te horen",
                "Het verlengingsvoorstel sturen",
            ],
            kpis: [("Klanttevredenheid", "punten"), ("Openstaande service-incidenten", "incidenten")],
        },
        Template::TurnAround => TemplateWords {
            objectives: [
                "De problemen oplossen die de relatie schaden",
                "Het vertrouwen van hun beslissers herstellen",
            ],
            actions: [
                "Hun klachten persoonlijk en uit de eerste hand horen",
                "Een herstelplan met data afspreken",
                "Over de voortgang van het herstelplan rapporteren",
                "De relatie met hun directie evalueren",
            ],
            kpis: [("Openstaande klachten", "klachten"), ("Klanttevredenheid", "punten")],
        },
    },
    use_it: |name| format!("Beginnen als {name}"),
    copy_label: "Of neem de opbouw van een ander plan over",
    copy_none: "Kies een plan",
    copy_button: "Opbouw overnemen",
    started: |o, a, k| format!("Plan gestart: {o} doelen, {a} acties en {k} KPI's toegevoegd."),
    own_title: "Uw sjablonen",
    own_blurb: |o, a, k| format!("{o} doelen, {a} acties, {k} KPI's"),
    use_own: |name| format!("Beginnen vanuit {name}"),
    remove_own: |name| format!("Sjabloon {name} verwijderen"),
    removed_own: |name| format!("Sjabloon \u{2018}{name}\u{2019} verwijderd."),
    save: "Opslaan als sjabloon",
    save_help: "Bewaart de doelen, acties, KPI's (zonder metingen), serviceafspraken en het evaluatieritme van \
                dit plan, met data gerekend vanaf vandaag, zodat een volgend plan ermee kan beginnen. Het gaat \
                mee in exports van de hele werkruimte.",
    name_label: "Naam van het sjabloon",
    save_button: "Sjabloon opslaan",
    cancel: "Annuleren",
    saved: |name| format!("Opgeslagen als sjabloon \u{2018}{name}\u{2019}. Een leeg plan kan ermee beginnen."),
    save_problem: |p| {
        use crate::domain::template::{SaveProblem as P, MAX_NAME, MAX_OWN};
        match p {
            P::NoName => "Geef het sjabloon een naam.".into(),
            P::LongName => format!("Houd de naam op hoogstens {MAX_NAME} tekens."),
            P::NameTaken => "Er is al een sjabloon met deze naam.".into(),
            P::Blank => "Dit plan heeft nog geen doelen, acties of KPI's om te bewaren.".into(),
            P::Full => format!("Keystone bewaart {MAX_OWN} sjablonen: verwijder er eerst een."),
        }
    },
};

const HELD: HeldTexts = HeldTexts {
    title: "Kwartaalreviews",
    help: "Houd de accountevaluatie met dit plan op het scherm. Evaluatie starten bewaart het plan zoals het er \
           vandaag voor staat (doelen, acties, KPI-waarden, behoeften, gezondheid, score en niveau), zodat de \
           volgende evaluatie laat zien wat er veranderde.",
    start: "Evaluatie starten",
    started: |day| {
        format!("Evaluatie van {day} gestart: het plan zoals het er nu voor staat is bewaard. Noteer wat u besluit.")
    },
    full: "Dit plan bevat het grootste aantal evaluaties dat Keystone bewaart (100).",
    none: "Nog geen evaluatie gehouden. Start er een in uw volgende accountevaluatie.",
    field: |f| match f {
        crate::domain::reviews::NotesField::Reviewer => "Ge\u{eb}valueerd door",
        crate::domain::reviews::NotesField::Decisions => "Besluiten",
        crate::domain::reviews::NotesField::NextSteps => "Volgende stappen",
    },
    review_of: |day| format!("Evaluatie van {day}"),
    notes_hint: "Wordt opgeslagen terwijl u typt. Het plan zoals het die dag was, blijft zoals het was.",
    list_title: "Gehouden evaluaties",
    col_day: "Datum",
    col_reviewer: "Ge\u{eb}valueerd door",
    col_score: "Score",
    col_tier: "Niveau",
    col_health: "Gezondheid",
    col_decisions: "Besluiten",
    open: |day| format!("Evaluatie van {day} openen"),
    compare_title: "Wat er veranderde",
    compare_from: "Van",
    compare_to: "Tot",
    now: "Het plan van vandaag",
    since: |day| format!("Sinds de evaluatie van {day}"),
    between: |a, b| format!("Van de evaluatie van {a} tot de evaluatie van {b}"),
    score_moved: |a, b| match (a, b) {
        (Some(a), Some(b)) if a == b => format!("Score {b}, ongewijzigd"),
        (Some(a), Some(b)) => format!("Score {a} \u{2192} {b} ({:+})", i32::from(b) - i32::from(a)),
        (None, Some(b)) => format!("Score {b}, sindsdien volledig beoordeeld"),
        (Some(a), None) => format!("Score {a}, nu niet volledig beoordeeld"),
        (None, None) => "Niet volledig beoordeeld".into(),
    },
    tier_moved: |a, b| if a == b { format!("Niveau: {b}, ongewijzigd") } else { format!("Niveau: {a} \u{2192} {b}") },
    health_moved: |a, b| {
        if a == b {
            format!("Plangezondheid {b}, ongewijzigd")
        } else {
            format!("Plangezondheid {a} \u{2192} {b}")
        }
    },
    kpis: "KPI's",
    kpi_moved: |name, a, b, better| {
        let way = match better {
            Some(true) => " (de goede kant op)",
            Some(false) => " (de verkeerde kant op)",
            None => "",
        };
        format!("{name}: {a} \u{2192} {b}{way}")
    },
    actions_done: "Acties afgerond",
    actions_added: "Acties toegevoegd",
    actions_overdue: "Acties over tijd",
    objectives: "Doelen die veranderden",
    objective_moved: |what, a, b| match (a, b) {
        (Some(a), Some(b)) => format!("{what}: {a} \u{2192} {b}"),
        (None, Some(b)) => format!("{what}: toegevoegd ({b})"),
        (Some(_), None) | (None, None) => format!("{what}: verwijderd"),
    },
    needs_won: "Behoeften gewonnen",
    needs_lost: "Behoeften verloren",
    needs_new: "Behoeften sindsdien gehoord",
    nothing: "Er veranderde niets in het plan.",
    history_title: "Scoreverloop",
    history_empty: "Keystone legt de score en het niveau vast van key accounts, van accounts met een plan en van \
                    accounts waarvan u het niveau besliste, eens per dag als ze veranderen. Voor dit account is \
                    nog niets vastgelegd.",
    history_summary: |now, since, change| {
        let now = now.map_or_else(|| "Niet volledig beoordeeld".to_string(), |s| format!("Score {s}"));
        match change {
            Some(0) => format!("{now}; hetzelfde als op {since}."),
            Some(c) => format!("{now}; {c:+} sinds {since}."),
            None => format!("{now}; vastgelegd sinds {since}."),
        }
    },
    movers_title: "Grootste verschuivingen",
    movers_help: "Gevolgde accounts waarvan de score of het niveau veranderde sinds hun laatste evaluatie (of in de \
                  laatste 90 dagen).",
    movers_none: "Geen gevolgd account verschoof sinds zijn laatste evaluatie.",
    mover_scores: |a, b| {
        let s = |x: Option<u8>| x.map_or_else(|| "\u{2013}".to_string(), |v| v.to_string());
        match (a, b) {
            (Some(a), Some(b)) => format!("{a} \u{2192} {b} ({:+})", i32::from(b) - i32::from(a)),
            _ => format!("{} \u{2192} {}", s(a), s(b)),
        }
    },
    since_review: |day| format!("sinds de evaluatie van {day}"),
    since_day: |day| format!("sinds {day}"),
    col_recent: "Score, laatste 90 dagen",
    recent: |c| match c {
        Some(0) => "ongewijzigd".into(),
        Some(c) => format!("{c:+}"),
        None => "\u{2013}".into(),
    },
};

const SHEET: SheetTexts = SheetTexts {
    print: "Afdrukken / pdf",
    print_slide: "Afdrukken als dia (16:9)",
    title: |name| format!("Accountplan {name}"),
    printed_on: |day| format!("Afgedrukt {day}"),
    last_reviewed: |day, who| {
        if who.is_empty() {
            format!("Laatst ge\u{eb}valueerd op {day}")
        } else {
            format!("Laatst ge\u{eb}valueerd op {day} door {who}")
        }
    },
    owner: |who| format!("Accountmanager: {who}"),
    score: |s| format!("Score {s} van 100"),
    unrated: "Nog niet volledig beoordeeld",
    why: "Waarom een key account",
    strengths: |names: &[&str]| {
        // Criterion names are titles; in a sentence they read in lower case.
        let names: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => format!("Scoort hoog op {one}."),
            [rest @ .., last] => format!("Scoort hoog op {} en {last}.", rest.join(", ")),
        }
    },
    no_strengths: "Nog geen criterium met een 4 of 5.",
    decided: |reason| format!("Besluit: {reason}"),
    key_since: |day| format!("Key account sinds {day}."),
    revenue: |amount| format!("Omzet {amount}"),
    potential: |amount| format!("potentieel {amount}"),
    commitments: "Toezeggingen",
    people: "Stakeholders",
    needs: "Openstaande behoeften",
    last_met: |day| format!("Laatst gesproken {day}"),
    more: |n| format!("+{n} meer in Keystone"),
    continued: "Vervolg in Keystone: sommige lijsten zijn langer dan deze pagina toont.",
    due: |day| format!("uiterlijk {day}"),
};

const METHOD: MethodTexts = MethodTexts {
    nav: "Methode",
    title: "De methode",
    intro: "Keystone volgt een eenvoudige methode: vind de paar accounts die het zwaarst wegen, en maak voor elk \
            daarvan een plan, voer het uit en meet het resultaat. Hier staat ze in het kort.",
    contents: "Op deze pagina",
    topic: |t| match t {
        Topic::WhyKam => (
            "Waarom key accounts",
            &[
                "Een paar klanten zijn voor uw bedrijf veel belangrijker dan alle andere. Key accountmanagement \
                 wijst die sleutelklanten aan en geeft ze extra aandacht en middelen, zodat u samen groeit: een \
                 partnerschap, geen reeks losse orders.",
                "Dat betaalt zich terug in loyaliteit (ze blijven, en horen als eerste wat er nieuw is), in omzet \
                 (grotere deals, en aanbevelingen van een leverancier die ze vertrouwen), in inzicht (wat ze kopen \
                 laat zien waar hun markt heen gaat) en in groei die u kunt plannen.",
            ],
        ),
        Topic::CrmVsKam => (
            "CRM en KAM",
            &[
                "Een CRM verzamelt gegevens over elke klant en laat het verkoopproces voor allemaal soepel lopen. \
                 Key accountmanagement richt zich op een kleine, gekozen groep en op de relatie op lange termijn \
                 met elk van hen.",
                "Keystone staat naast uw CRM: haal de accounts eruit binnen, kies de enkele die het verdienen, en \
                 maak hier hun plannen.",
            ],
        ),
        Topic::Managers => (
            "Accountmanager en key accountmanager",
            &["Een accountmanager zorgt voor veel klanten met een korte horizon: de orders van dit kwartaal. Een \
                 key accountmanager zorgt jarenlang voor een paar klanten: hun plannen, hun mensen, en wat beide \
                 bedrijven samen willen bereiken."],
        ),
        Topic::Criteria => (
            "De vijf criteria en de checklist",
            &[
                "Kies key accounts nooit op omzet alleen. Keystone beoordeelt elk account van 0 tot 5 op vijf \
                 criteria en weegt die (de wegingen bepaalt u) tot een score van 0 tot 100.",
                "1. Omzetvolume: wat het account vandaag bij u koopt. Makkelijk te zien, nooit alleen beslissend.",
                "2. Omzetpotentieel: hoeveel meer het binnen ongeveer drie jaar zou kunnen kopen.",
                "3. Klantwaarde: of de zaken blijvend en winstgevend zijn. Een grote afnemer die tegen zijn \
                 concurrenten vecht met een dunne marge is een slechte key account; een trouwe, gezonde klant een \
                 goede.",
                "4. Productfit: of het nodig heeft wat u biedt, er meer aan heeft dan de meeste klanten, en of u \
                 zijn uitdagingen begrijpt.",
                "5. Strategische waarde: wat de relatie brengt naast geld: een reputatie waarmee u graag gezien \
                 wordt, een visie die bij de uwe past, referenties, feedback, dingen die u samen bouwt.",
                "Per criterium stellen een paar ja/nee-vragen een beoordeling voor. U kunt die altijd zelf kiezen; \
                 de pagina van het account laat zien waarom een voorstel is wat het is. De eerste drie criteria \
                 kijken ook naar waar het account staat tussen al uw accounts.",
            ],
        ),
        Topic::Story => (
            "De grootste klant is niet altijd de beste key account",
            &[
                "Vicom bracht meer omzet binnen dan welke klant ook en leek de vanzelfsprekende key account. Cartech \
                 was kleiner, maar oprecht geïnteresseerd in samenwerking: het gaf waardevolle feedback op onze \
                 producten en probeerde nieuwe versies als eerste.",
                "Beoordeeld op alle vijf criteria kwam Cartech bovenaan. Toen Vicom later het contract opzegde, \
                 droeg de hechte relatie met Cartech het bedrijf. De voorbeeldportefeuille vertelt dit verhaal: laad \
                 haar en vergelijk de positie met de positie op omzet.",
            ],
        ),
        Topic::Steps => (
            "De vier stappen van een accountplan",
            &[
                "1. Doelen stellen. Spreek binnen uw bedrijf af wat u toezegt en wat de klant mag verwachten, \
                 voordat u het de klant vertelt: wat u met en voor de klant wilt bereiken, waarom, en hoe.",
                "2. Uitvoeren. Maak van elk doel acties met een eigenaar en een datum. Sales, service en operations \
                 werken als één team, en serviceafspraken vertellen de klant wat die kan verwachten.",
                "3. Meten. Volg waarvoor het account gekozen is: tevredenheid, omzetgroei, productgebruik. \
                 Doelwaarden en metingen laten zien of het plan werkt.",
                "4. Anticiperen. Spreek de klant regelmatig om zijn plannen en uitdagingen te horen. Een behoefte \
                 die u vroeg hoort, zoals een hotel dat gaat verbouwen en nieuwe systemen nodig heeft, wordt een \
                 aanbod op maat.",
                "Evalueer het plan daarna in een vast ritme: plannen die verouderen helpen niet meer.",
            ],
        ),
        Topic::Swot => (
            "SWOT voor een key account",
            &["Sterktes en zwaktes zijn van u, bij dit account; kansen en bedreigingen komen van buiten: de markt \
                 van de klant, zijn concurrenten, nieuwe regels. Samen laten ze zien waar u staat en wat u nu moet \
                 doen."],
        ),
        Topic::Matrix => (
            "De portfoliomatrix",
            &[
                "De matrix zet elk account uit naar hoe aantrekkelijk het vooruit is (omzetpotentieel, \
                 klantwaarde, productfit en strategische waarde, met uw wegingen) tegenover hoe sterk u er al staat \
                 (de relatiefase, van 1 Verkennend tot 5 Geïntegreerd). De grootte van de bel is de omzet.",
                "Strategisch: aantrekkelijk, en u staat er sterk: investeren. Ster: aantrekkelijk, maar de relatie \
                 is nog zwak: investeren om op te bouwen. Status: u staat sterk, maar er zit minder in: onderhouden. \
                 Stroomlijnen: geen van beide: efficiënt en winstgevend bedienen.",
            ],
        ),
    },
    why: "Waarom?",
    why_title: |t| format!("Waarom? {} (de methode)", (METHOD.topic)(t).0),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;

    #[test]
    fn amounts_numbers_and_dates_read_the_dutch_way() {
        let check = |v: f64, c: Currency, expected: &str| assert_eq!((NL.money)(v, c), expected, "{v} {c:?}");
        check(1_250_000.0, Currency::Eur, "€ 1.250.000");
        check(1_234_567.8, Currency::Eur, "€ 1.234.568");
        check(0.0, Currency::Eur, "€ 0");
        check(-1000.0, Currency::Eur, "€ -1.000");
        check(1_250_000.0, Currency::Usd, "$ 1.250.000");
        check(1_250_000.0, Currency::Chf, "CHF 1.250.000");
        check(1_250_000.0, Currency::Sek, "1.250.000 kr");
        let short = |v: f64, expected: &str| assert_eq!((CRM.money_short)(v, Currency::Eur), expected);
        short(1_234_567.0, "€ 1,2 mln");
        short(45_800.0, "€ 46k");
        assert_eq!((NL.date)(Date::parse("2026-11-28").unwrap()), "28-11-2026");
        assert_eq!((NL.date_long)(Date::parse("2026-11-28").unwrap()), "28 november 2026");
        assert_eq!((NL.date_long)(Date::parse("2027-03-01").unwrap()), "1 maart 2027");
        assert_eq!((SHARE.export_file_name)("2026-11-27", Some(2)), "keystone-2026-11-27-2-accounts.json");
        assert_eq!((SHEET.strengths)(&["Klantwaarde", "Productfit"]), "Scoort hoog op klantwaarde en productfit.");
        assert_eq!((NL.date_time)(Date::parse("2026-03-05").unwrap(), 9, 7), "05-03-2026 09:07");
        assert_eq!(group_decimal(1234.5), "1.234,5");
        assert_eq!((RATE.margin)(36.5), "36,5 %");
        assert_eq!((NL.points)(12.26, 20), "12,3 van 20 punten");
        // The import review shows values the same way.
        use crate::domain::views::review::Shown;
        let shown = |v: Shown| (NL.share.shown)(&v, Currency::Eur);
        assert_eq!(shown(Shown::Money(1_250_000.0)), "€ 1.250.000");
        assert_eq!(shown(Shown::Percent(36.5)), "36,5 %");
        assert_eq!(shown(Shown::Date(Date::parse("2026-11-27").unwrap())), "27-11-2026");
        assert_eq!(shown(Shown::Empty), "(leeg)");
    }

    #[test]
    fn every_question_and_criterion_has_dutch_text() {
        for q in Question::ALL {
            assert!((NL.question)(q).ends_with('?'), "{q:?}");
            assert_ne!((NL.question)(q), (super::super::en::EN.question)(q));
        }
        for c in Criterion::ALL {
            assert!(!(NL.criterion)(c).is_empty() && !(NL.criterion_help)(c).is_empty());
        }
    }
}
