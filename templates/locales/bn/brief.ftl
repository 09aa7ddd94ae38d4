## একটি ব্যাকলগ আইটেমের নকশা-সারসংক্ষেপ (src/brief, templates/pages/staff/brief.hbs)

brief-title = নকশা-সারসংক্ষেপ
brief-link = নকশা-সারসংক্ষেপ: আজকের যাত্রা, ধাপে ধাপে
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
