## একটি ব্যাকলগ আইটেমের নকশা-সারসংক্ষেপ (src/brief, templates/pages/staff/brief.hbs)

brief-title = নকশা-সারসংক্ষেপ
brief-link = নকশা-সারসংক্ষেপ: আজকের যাত্রা, নাগরিকেরা যা চান, ই-সেবার নকশা
brief-intro = এই সেবা নিতে গিয়ে নাগরিকেরা আজ যা পার হন, তাঁদের { -feedback } থেকে পড়া: ই-সেবা নকশার শুরুর জায়গা।
brief-journey-title = আজকের যাত্রা
brief-journey-intro = নাগরিক সনদের ধাপগুলো ক্রমানুসারে, প্রতিটি ধাপে পৌঁছানো নাগরিকেরা যা জানিয়েছেন তা সহ। প্রতিটি সংখ্যা তাঁদের জানানো হিসাবের মধ্যমা, পাশে কতটি উত্তরের ওপর তা দাঁড়িয়ে।
brief-overall = পুরো যাত্রা: { $feedback }টি { -feedback }, { $voices }টি { -voice }।
brief-promise = নাগরিক সনদের প্রতিশ্রুতি: { $days ->
    [none] সময়সীমা উল্লেখ নেই
   *[other] { $days } দিন
}; { $fee }।
brief-promise-fee-free = কোনো ফি নেই
brief-promise-fee-none = ফি উল্লেখ নেই
brief-promise-fee-taka = ফি { $taka } টাকা
brief-col-step = ধাপ
brief-col-voices = { -voice }
brief-col-days = দিন (মধ্যমা)
brief-col-cost = খরচ, টাকা (মধ্যমা)
brief-col-visits = যাতায়াত (মধ্যমা)
brief-col-whole = পুরো যাত্রা
brief-col-unstepped = কোনো ধাপের সঙ্গে যুক্ত নয়
brief-answers = { $answers }টি উত্তর
brief-table-notes = — কেউ জানাননি। * { $few }টির কম উত্তর: মাপ নয়, মোটামুটি ধারণা।
brief-step-heading = ধাপ { $number }: { $step }
brief-step-counts = { $feedback }টি { -feedback }, { $voices }টি { -voice }
brief-step-nobody = কোনো নাগরিক এখনো এই ধাপের সঙ্গে { -feedback } যুক্ত করেননি।
brief-step-themes = এখানে যা কষ্ট দেয়
brief-step-quotes = তাঁদের ভাষায়
brief-unstepped-title = কোনো ধাপের সঙ্গে যুক্ত নয় এমন { -feedback }
brief-unstepped-intro = যে নাগরিকেরা জানাননি কোন ধাপে ঘটেছে (অথবা এমন ধাপের নাম দিয়েছেন যা সনদে আর নেই)।
brief-documents-title = প্রয়োজনীয় কাগজপত্র
brief-documents-intro = সনদে চাওয়া প্রতিটি কাগজ, এবং কতটি { -voice } তাঁদের { -feedback }-এ সেটির নাম বলেছে।
brief-document-voices = { $voices ->
    [0] কোনো { -voice } এর নাম বলেনি
   *[other] { $voices }টি { -voice } এর নাম বলেছে
}
brief-documents-none = সনদে কোনো কাগজের উল্লেখ নেই।
brief-json = একই সারসংক্ষেপ JSON আকারে

## নাগরিকেরা যা চান, আর ই-সেবার নকশা (সংস্করণে সংরক্ষিত)

brief-done-saved = নকশা নতুন সংস্করণ হিসেবে সংরক্ষিত হয়েছে।
brief-done-unchanged = কিছুই বদলায়নি, তাই নতুন সংস্করণ হয়নি।
brief-stale = আপনি সংস্করণ { $base } খুলেছিলেন, তারপর অন্য কেউ সংস্করণ { $latest } সংরক্ষণ করেছেন। আপনার পরিবর্তন সংরক্ষিত হয়নি, তবে নিচে আপনার লেখা সবই আছে। কী বদলেছে দেখে নিয়ে আবার সংরক্ষণ করুন।
brief-stale-compare = সংস্করণ { $base } আর { $latest } মিলিয়ে দেখুন
brief-save = নকশা সংরক্ষণ করুন (নতুন সংস্করণ)
brief-save-hint = প্রতিটি সংরক্ষণ একটি নতুন সংস্করণ: কে, কখন, কী বদলালেন তা থেকে যায়।
brief-wants-title = নাগরিকেরা যা চান
brief-wants-intro = নাগরিকদের প্রত্যাশা ও পরামর্শ, বিষয় অনুযায়ী, সবচেয়ে বেশি { -voice } আগে। প্রতিটির বিষয়ে সিদ্ধান্ত দিন: নকশায় নেওয়া হলো (কোন ধাপে), নাকি এখন নয় (কেন)।
brief-wants-ungrouped = এখনো কোনো বিষয়ে দলভুক্ত নয়
brief-wants-none = এই সেবা নিয়ে এখনো কোনো প্রত্যাশা বা পরামর্শ আসেনি।
brief-want-legend = এই চাওয়ার বিষয়ে সিদ্ধান্ত
brief-want-undecided = এখনো সিদ্ধান্ত হয়নি
brief-want-taken = নকশায় নেওয়া হলো
brief-want-not-now = এখন নয়
brief-want-step = নকশার কোন ধাপে নেওয়া হলো
brief-want-step-none = ধাপ বেছে নিন
brief-want-new-step = { $step }. (ওপরে লেখা নতুন ধাপ)
brief-want-reason = এখন নয় কেন
brief-design-title = ই-সেবার নকশা: ভবিষ্যতের যাত্রা
brief-design-intro = ই-সেবায় নাগরিকের যাত্রা কেমন হবে: প্রতিটি ধাপ, কোন পথে, কোন কাগজ তখনো লাগবে, আর লক্ষ্য দিন, খরচ ও যাতায়াত। নাগরিক প্রতি আবেদনে ও বছরে কত সাশ্রয় হবে, নাগরিক সনদ ও ব্যাকলগের স্কোরের একই হারে হিসাব করা হয়।
brief-version = সংস্করণ { $number }, { $who }, { $when } UTC
brief-versions-link = সব সংস্করণ ও তুলনা
brief-version-none = এখনো কোনো নকশা সংরক্ষিত হয়নি।
brief-design-steps = নকশার ধাপগুলো (সংস্করণ { $version })
brief-col-channel = কোন পথে
brief-col-documents = যে কাগজ তখনো লাগবে
brief-col-target-days = লক্ষ্য দিন
brief-col-target-cost = লক্ষ্য খরচ, টাকা
brief-col-target-visits = লক্ষ্য যাতায়াত
brief-col-target-whole = পুরো যাত্রা
brief-target = নকশায় প্রতি আবেদনে নাগরিকের খরচ { $per } টাকা, বছরে { $year } টাকা।
brief-today = আজ প্রতি আবেদনে { $per } টাকা, বছরে { $year } টাকা (ব্যাকলগের স্কোরের বোঝা)।
brief-saves = সাশ্রয়: প্রতি আবেদনে { $per } টাকা, বছরে { $year } টাকা ও { $hours } ঘণ্টা।
brief-costs-more = এই নকশায় নাগরিকের খরচ আজকের চেয়ে বেশি: প্রতি আবেদনে { $per } টাকা, বছরে { $year } টাকা।
brief-figures-basis = হিসাবের ভিত্তি: বছরে { $applications } আবেদন (নাগরিক সনদের হিসাব), প্রতিদিন অপেক্ষা { $day } টাকা, প্রতিবার যাতায়াত { $visit } টাকা।
brief-figures-no-applications = বছরে কতটি আবেদন হয় তা জানা নেই, তাই বছরের হিসাব শূন্য দেখাচ্ছে। ব্যাকলগ আইটেমের পাতায় বার্ষিক আবেদনের সংখ্যা দিন।
brief-design-edit = নকশা লিখুন
brief-design-edit-hint = প্রতিটি ধাপের নাম বাংলা ও ইংরেজিতে লিখুন এবং পথ বেছে নিন। সংখ্যা বাংলা বা ইংরেজি অঙ্কে লেখা যায়; খালি রাখলে শূন্য ধরা হয়। একটি ধাপ বাদ দিতে তার সব ঘর খালি করুন।
brief-row = ধাপ { $step }
brief-field-name_bn = ধাপের নাম (বাংলা)
brief-field-name_en = ধাপের নাম (ইংরেজি)
brief-field-channel = কোন পথে
brief-field-documents = যে কাগজ তখনো লাগবে
brief-field-days = লক্ষ্য দিন
brief-field-cost = লক্ষ্য খরচ (টাকা)
brief-field-visits = লক্ষ্য যাতায়াত (বার)
brief-channel-choose = পথ বেছে নিন
brief-channel-online = অনলাইনে
brief-channel-union-digital-centre = ইউনিয়ন ডিজিটাল সেন্টারে
brief-channel-office = অফিসে গিয়ে
brief-channel-mobile = মোবাইল ফোনে
brief-versions-title = নকশার সংস্করণ
brief-versions-list = সব সংস্করণ, নতুনটি আগে
brief-versions-compare-previous = আগেরটির সঙ্গে তুলনা
brief-compare-title = সংস্করণ { $from } থেকে { $to }
brief-compare-from = থেকে
brief-compare-to = পর্যন্ত
brief-compare-button = তুলনা করুন
brief-compare-same = এই দুই সংস্করণে কোনো পার্থক্য নেই।
brief-compare-steps-of = সংস্করণ { $version }-এর ধাপ
brief-compare-no-steps = এই সংস্করণে কোনো ধাপ নেই।
brief-change-step-added = ধাপ { $step } যোগ হয়েছে: { $name }
brief-change-step-removed = ধাপ { $step } বাদ গেছে: { $name }
brief-change-step-changed = ধাপ { $step }-এ বদলেছে: { $fields }
brief-change-want-taken = “{ $theme }” নকশায় নেওয়া হয়েছে, ধাপ { $step }-এ
brief-change-want-not-now = “{ $theme }” এখন নয়: { $reason }
brief-change-want-cleared = “{ $theme }”-এর সিদ্ধান্ত তুলে নেওয়া হয়েছে
error-brief-too-many-steps = নকশায় সর্বোচ্চ { $max }টি ধাপ থাকতে পারে
error-brief-want-step = নকশার যে ধাপে এটি নেওয়া হলো তা বেছে নিন
error-brief-want-reason = এখন কেন নয়, তা লিখুন
error-brief-want-decision = তিনটি সিদ্ধান্তের একটি বেছে নিন
error-brief-step-name = ধাপ { $step }: ধাপের নাম বাংলা ও ইংরেজি দুই ভাষায় লিখুন (ইংরেজি রপ্তানির জন্য)
error-brief-step-channel = ধাপ { $step }: নাগরিক কোন পথে এই ধাপ পার হবেন তা বেছে নিন
error-brief-what = { $what ->
    [days] লক্ষ্য দিন
    [cost] লক্ষ্য খরচ
   *[visits] লক্ষ্য যাতায়াত
}
error-brief-number-invalid = ধাপ { $step }, { error-brief-what }: পূর্ণ সংখ্যা লিখুন, যেমন ৫ বা 5
error-brief-number-negative = ধাপ { $step }, { error-brief-what }: সংখ্যা শূন্যের কম হতে পারে না
error-brief-number-not-whole = ধাপ { $step }, { error-brief-what }: ভগ্নাংশ ছাড়া পূর্ণ সংখ্যা লিখুন
error-brief-number-too-large = ধাপ { $step }, { error-brief-what }: সংখ্যা সর্বোচ্চ { $max } হতে পারে
error-brief-text-too-long = সর্বোচ্চ { $max } অক্ষর লেখা যায় (এখন { $length })
brief-print = ছাপার পাতা (এ-ফোর কাগজে)
brief-docx = Word ফাইল (DOCX)
brief-print-nav = ছাপা
brief-print-hint = ছাপতে বা পিডিএফ করতে ব্রাউজারের Print (Ctrl+P) ব্যবহার করুন; পাতাটি এ-ফোর কাগজের মাপে সাজানো।
brief-print-back = নকশা-সারসংক্ষেপে ফিরে যান
brief-version-exported = সংস্করণ { $number }, { $when }
