#include "DemoData.h"

#include "core/Domain.h"
#include "core/Time.h"
#include "store/CustomerRepository.h"
#include "store/DemoDataRepository.h"
#include "store/Migrations.h"
#include "store/PortalUserRepository.h"
#include "store/SettingRepository.h"
#include "store/SqliteDatabase.h"

#include <Poco/File.h>

#include <Poco/Logger.h>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gh::services {
namespace {

using core::Id;

// splitmix64: tiny, fast and fully deterministic across platforms (std::mt19937's distributions are not).
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
    bool chance(unsigned percent) { return below(100) < percent; }
    template <typename T, std::size_t N> const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

private:
    std::uint64_t m_state;
};

constexpr std::array<std::string_view, 24> kNameA{
    "Alpine", "Baltic",    "Cedar",    "Delta",     "Ember",    "Fjord",     "Granite", "Harbor",
    "Iris",   "Juniper",   "Keystone", "Linden",    "Meridian", "Northwind", "Orchard", "Pioneer",
    "Quarry", "Riverside", "Summit",   "Tidewater", "Union",    "Valley",    "Willow",  "Zenith"};
constexpr std::array<std::string_view, 16> kNameB{"Tools",  "Foods",    "Logistics", "Hardware", "Textiles", "Electric",
                                                  "Pharma", "Builders", "Marine",    "Paper",    "Plastics", "Motors",
                                                  "Optics", "Farms",    "Metals",    "Supplies"};
constexpr std::array<std::string_view, 4> kLegal{"GmbH", "Ltd", "AG", "Inc."};
constexpr std::array<std::string_view, 12> kCities{"Hamburg", "Berlin", "Munich", "Cologne", "Leipzig",   "Bremen",
                                                   "London",  "Leeds",  "Vienna", "Zurich",  "Rotterdam", "Lyon"};
constexpr std::array<std::string_view, 12> kCountries{"DE", "DE", "DE", "DE", "DE", "DE",
                                                      "GB", "GB", "AT", "CH", "NL", "FR"};
constexpr std::array<std::string_view, 10> kStreets{"Hafenstrasse",   "Ringweg",   "Market Street", "Industriepark",
                                                    "Bahnhofstrasse", "Mill Lane", "Kanalweg",      "Station Road",
                                                    "Lindenallee",    "Quay Side"};
constexpr std::array<std::string_view, 4> kGroups{"Y10", "Y20", "Y30", "Z10"};
constexpr std::array<std::string_view, 5> kAgents{"DHL Freight", "DB Schenker", "Kuehne+Nagel", "UPS", "DPD"};
constexpr std::array<std::string_view, 12> kFirst{"Anna",  "Ben",  "Clara", "David", "Eva",   "Felix",
                                                  "Greta", "Hans", "Ida",   "Jonas", "Karla", "Lukas"};
constexpr std::array<std::string_view, 12> kLast{"Becker",  "Fischer", "Hoffmann", "Keller",  "Lang",   "Meyer",
                                                 "Neumann", "Otto",    "Peters",   "Richter", "Schulz", "Wagner"};

// Every date is relative to a fixed day, so the data set does not depend on when it is made.
const std::int64_t kAnchorDay = *core::parseIsoDate("2026-10-31");

std::string customerNumber(std::int64_t index)
{
    return "C" + std::to_string(100001 + index);
}

struct Plan
{
    std::int64_t customers;
    std::int64_t invoicesTotal;
    std::int64_t ordersTotal;
    std::int64_t firstCustomerInvoices; // C100001, the big account
    std::int64_t firstCustomerOrders;
    std::int64_t documentCustomers; // customers whose documents get PDFs
};

Plan planFor(DemoData::Scale scale)
{
    if (scale == DemoData::Scale::Large)
        return {50000, 5000000, 2000000, 12000, 4000, 200};
    return {200, 2000, 800, 40, 15, 200};
}

// How many of `total - first` records customer `index` (> 0) gets, spreading them evenly with some
// variation but summing exactly to the total.
std::int64_t shareOf(std::int64_t index, std::int64_t customers, std::int64_t total, std::int64_t first)
{
    const std::int64_t rest = total - first;
    const std::int64_t others = customers - 1;
    auto cumulative = [&](std::int64_t i) { return rest * i / others; }; // i customers after the first
    return cumulative(index) - cumulative(index - 1);
}

// Logs how long each phase of a build took (shown by the benchmark).
class Stopwatch
{
public:
    void lap(const std::string& what)
    {
        const auto now = std::chrono::steady_clock::now();
        char text[160];
        std::snprintf(text, sizeof text, "demo data: %s in %.1f s", what.c_str(),
                      std::chrono::duration<double>(now - m_last).count());
        Poco::Logger::get("gatehouse").debug(text);
        m_last = now;
    }

private:
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

class Generator
{
public:
    Generator(store::Connection& db, DemoData::Scale scale, const core::PasswordHasher& hasher)
        : m_db(db)
        , m_plan(planFor(scale))
        , m_hasher(hasher)
        , m_random(0x6A7E40u + static_cast<unsigned>(scale))
    {
    }

    DemoData::Counts run()
    {
        Stopwatch watch;
        store::DemoDataRepository demo(m_db);
        demo.dropBulkIndexes();
        customers();
        watch.lap("customers, addresses, contacts");
        invoicesAndOrders();
        watch.lap("invoices, orders, shipments, documents");
        demo.buildBulkIndexes();
        watch.lap("indexes and count tables");
        rolesAndUsers();
        settings();
        demo.analyze();
        watch.lap("users, settings, statistics");
        return m_counts;
    }

private:
    void customers()
    {
        auto& insertCustomer = store::DemoDataRepository(m_db).insertCustomer();
        auto& insertAddress = store::DemoDataRepository(m_db).insertAddress();
        auto& insertContact = store::DemoDataRepository(m_db).insertContact();
        const std::string now = "2026-10-31T08:00:00Z";
        for (std::int64_t i = 0; i < m_plan.customers; ++i) {
            const std::string number = customerNumber(i);
            std::string name = std::string(m_random.pick(kNameA)) + " " + std::string(m_random.pick(kNameB)) + " "
                + std::string(m_random.pick(kLegal));
            std::string group(m_random.pick(kGroups));
            std::string statId, payer;
            // C100001 and C100002 form a STAT family (alice's accounts); C100003 has none (carol).
            if (i == 0 || i == 1) {
                statId = "STAT0001";
                group = "Y10";
            } else if (i != 2 && i % 10 >= 5 && i % 10 <= 7) {
                statId = "STAT" + std::to_string(10000 + i / 10); // families of three
            }
            if (i % 10 == 6 || i % 10 == 7)
                payer = customerNumber(i - (i % 10 - 5)); // the family's first member pays
            const bool enabled = i < 3 || m_random.below(100) >= 3;
            const std::string_view currency = i % 10 == 8 ? "GBP" : (i % 10 == 9 ? "USD" : "EUR");
            const std::size_t city = m_random.below(kCities.size());
            const std::string freeFields
                = "{\"CFC5\":\"" + std::to_string(i % 2) + "\",\"WHLO\":\"00" + std::to_string(1 + i % 3) + "\"}";
            if (i == 0)
                name = "Alpine Tools GmbH";
            else if (i == 1)
                name = "Alpine Tools Service GmbH";
            else if (i == 2)
                name = "Baltic Foods Ltd";
            m_names.push_back(name);
            m_currencies.emplace_back(currency);

            bindAll(insertCustomer, i + 1, number, name, group, payer, statId, i % 50 == 49 ? "90" : "20", enabled,
                    currency, freeFields, now);
            insertAddress.reset();
            bindAll(insertAddress, i + 1, "invoice", name,
                    std::to_string(1 + i % 120) + " " + std::string(m_random.pick(kStreets)), kCities[city],
                    std::to_string(10000 + (i * 37) % 89999), kCountries[city]);
            const int deliveries = 1 + static_cast<int>(m_random.below(2));
            for (int d = 0; d < deliveries; ++d) {
                const std::size_t c2 = m_random.below(kCities.size());
                bindAll(insertAddress, i + 1, "delivery", name + " Warehouse " + std::to_string(d + 1),
                        std::to_string(2 + d) + " " + std::string(m_random.pick(kStreets)), kCities[c2],
                        std::to_string(20000 + (i * 53 + d) % 79999), kCountries[c2]);
            }
            const int contacts = i < 3 ? 3 : 1 + static_cast<int>(m_random.below(3));
            for (int k = 0; k < contacts; ++k) {
                std::string first(m_random.pick(kFirst)), last(m_random.pick(kLast));
                std::string email = toEmail(first, last + (k ? std::to_string(k + 1) : ""), number);
                bool admin = k == 0;
                core::SectionSet sections = admin
                    ? core::SectionSet::all()
                    : core::SectionSet{core::Section::AccountSummary, core::Section::InvoicesView,
                                       core::Section::OrdersView};
                if (i == 0 && k < 2) { // alice and bob
                    first = k == 0 ? "Alice" : "Bob";
                    last = k == 0 ? "Anderson" : "Brown";
                    email = k == 0 ? "alice@demo.test" : "bob@demo.test";
                    // A contact's check boxes are the person's rights at that customer: bob's
                    // contact holds the sections his portal account has (below).
                    if (k == 1)
                        sections
                            = {core::Section::AccountSummary, core::Section::AccountAddresses,
                               core::Section::InvoicesView, core::Section::OrdersView, core::Section::DeliveriesView};
                } else if (i == 2 && k == 0) {
                    first = "Carol";
                    last = "Clark";
                    email = "carol@demo.test";
                }
                bindAll(insertContact, i + 1, first, last, email,
                        "+49 40 " + std::to_string(1000000 + (i * 7 + k) % 8999999),
                        admin ? "Purchasing Manager" : "Buyer", true, sections.bits(), admin, admin, false, now);
                ++m_counts.contacts;
            }
            ++m_counts.customers;
        }
    }

    static std::string toEmail(const std::string& first, const std::string& last, const std::string& number)
    {
        std::string email = first + "." + last + "@" + number + ".example";
        for (char& c : email)
            c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return email;
    }

    // Rows of the big tables, made on a producer thread and written by the thread that owns the
    // connection, so that generating and inserting use both cores. Only the producer draws random
    // numbers, so the data stays deterministic.
    struct OrderRow
    {
        Id id, customerId;
        std::string number, po;
        const std::string* date;
        std::string_view status;
        bool open;
        std::string_view delivery;
        std::string placedBy;
        bool hasDocuments;
    };
    struct ShipmentRow
    {
        Id orderId;
        std::string shipment, delivery;
        std::string_view agent;
        std::string tracking;
        const std::string* date;
    };
    struct InvoiceRow
    {
        Id id, customerId;
        std::string number, orderNumber, po;
        const std::string* date;
        const std::string* due;
        std::int64_t amount, open;
        std::string_view currency, status;
        bool hasDocuments;
    };
    struct DocumentRow
    {
        Id customerId;
        std::string_view owner;
        Id ownerId;
        std::string_view kind;
        std::string fileName, pdf;
    };
    struct Batch
    {
        std::vector<OrderRow> orders;
        std::vector<ShipmentRow> shipments;
        std::vector<InvoiceRow> invoices;
        std::vector<DocumentRow> documents;
    };

    class BatchQueue
    {
    public:
        void push(std::unique_ptr<Batch> batch)
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [&] { return m_batches.size() < 4 || m_aborted; });
            if (m_aborted)
                throw std::runtime_error("demo data build aborted");
            m_batches.push_back(std::move(batch));
            m_ready.notify_one();
        }
        std::unique_ptr<Batch> pop()
        {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [&] { return !m_batches.empty() || m_closed; });
            if (m_batches.empty())
                return nullptr;
            auto batch = std::move(m_batches.front());
            m_batches.pop_front();
            m_space.notify_one();
            return batch;
        }
        void close()
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
            m_ready.notify_all();
        }
        void abort()
        {
            std::lock_guard lock(m_mutex);
            m_aborted = true;
            m_space.notify_all();
        }

    private:
        std::mutex m_mutex;
        std::condition_variable m_ready, m_space;
        std::deque<std::unique_ptr<Batch>> m_batches;
        bool m_closed = false, m_aborted = false;
    };

    // About 1,200 distinct days: each is formatted once.
    void prepareDates()
    {
        m_dates.reserve(4100);
        for (std::int64_t d = kAnchorDay - 4000; d < kAnchorDay + 100; ++d)
            m_dates.push_back(core::isoDateFromDays(d));
    }
    const std::string& dateOf(std::int64_t day) const
    {
        return m_dates.at(static_cast<std::size_t>(day - (kAnchorDay - 4000)));
    }

    void invoicesAndOrders()
    {
        prepareDates();
        BatchQueue queue;
        std::exception_ptr producerError;
        std::thread producer([&] {
            try {
                produce(queue);
            } catch (...) {
                producerError = std::current_exception();
            }
            queue.close();
        });
        try {
            while (auto batch = queue.pop())
                write(*batch);
        } catch (...) {
            queue.abort();
            producer.join();
            throw;
        }
        producer.join();
        if (producerError)
            std::rethrow_exception(producerError);
    }

    void produce(BatchQueue& queue)
    {
        std::int64_t invoiceId = 0, orderId = 0, shipmentSeq = 0;
        constexpr std::array<std::string_view, 4> kOrderStatuses{"open", "partially_delivered", "delivered",
                                                                 "invoiced"};
        auto batch = std::make_unique<Batch>();
        for (std::int64_t c = 0; c < m_plan.customers; ++c) {
            const Id customerId = c + 1;
            const std::string_view currency = m_currencies[static_cast<std::size_t>(c)];
            const std::string number_c = customerNumber(c);
            const bool withDocuments = c < m_plan.documentCustomers;
            const std::int64_t orders = c == 0
                ? m_plan.firstCustomerOrders
                : shareOf(c, m_plan.customers, m_plan.ordersTotal, m_plan.firstCustomerOrders);
            const std::int64_t invoices = c == 0
                ? m_plan.firstCustomerInvoices
                : shareOf(c, m_plan.customers, m_plan.invoicesTotal, m_plan.firstCustomerInvoices);
            const std::int64_t firstOrderId = orderId + 1;

            for (std::int64_t k = 0; k < orders; ++k) {
                ++orderId;
                // Newest last: spread over about three years before the anchor day.
                const std::int64_t day
                    = kAnchorDay - (orders - k) * 1100 / (orders + 1) - static_cast<std::int64_t>(m_random.below(3));
                // Recent orders are still open; older ones have moved on.
                const std::size_t statusIndex = (orders - k) <= 3 ? m_random.below(2) : (m_random.chance(85) ? 3 : 2);
                std::string number = "SO" + std::to_string(5000000 + orderId);
                std::string po = "PO-" + std::to_string(100001 + c) + "-" + std::to_string(1000 + k);
                std::string placedBy
                    = c == 0 ? (k % 3 == 2 ? "bob@demo.test" : "alice@demo.test") : "buyer@" + number_c + ".example";
                const bool hasDoc = withDocuments && k % 3 == 0;
                const std::string_view delivery = statusIndex == 0 ? "Not yet delivered"
                    : statusIndex == 1                             ? "Partially delivered"
                                                                   : "Delivered";
                if (hasDoc)
                    batch->documents.push_back({customerId, "order", orderId, "order_confirmation",
                                                "Order-" + number + ".pdf",
                                                makeDemoPdf({"Order confirmation " + number, "Customer " + number_c,
                                                             "PO reference " + po, "Order date " + dateOf(day)})});
                if (statusIndex >= 1) {
                    const int count = statusIndex == 1 ? 1 : (m_random.chance(20) ? 2 : 1);
                    for (int s = 0; s < count; ++s) {
                        ++shipmentSeq;
                        std::string shipment = "SH" + std::to_string(7000000 + shipmentSeq);
                        std::string deliveryNumber = "DN" + std::to_string(8000000 + shipmentSeq);
                        if (withDocuments && c < 3)
                            batch->documents.push_back({customerId, "delivery", orderId, "delivery_note",
                                                        "Delivery-" + deliveryNumber + ".pdf",
                                                        makeDemoPdf({"Delivery note " + deliveryNumber,
                                                                     "Order " + number, "Shipment " + shipment})});
                        batch->shipments.push_back(
                            {orderId, std::move(shipment), std::move(deliveryNumber), m_random.pick(kAgents),
                             "TRK" + std::to_string(900000000 + shipmentSeq * 7), &dateOf(day + 2 + s)});
                    }
                }
                batch->orders.push_back({orderId, customerId, std::move(number), std::move(po), &dateOf(day),
                                         kOrderStatuses[statusIndex], statusIndex != 3, delivery, std::move(placedBy),
                                         hasDoc});
            }

            for (std::int64_t k = 0; k < invoices; ++k) {
                ++invoiceId;
                const std::int64_t day = kAnchorDay - (invoices - k) * 1100 / (invoices + 1)
                    - static_cast<std::int64_t>(m_random.below(3));
                std::string number = "INV" + std::to_string(10000000 + invoiceId);
                const std::int64_t orderRef = orders
                    ? firstOrderId + static_cast<std::int64_t>(m_random.below(static_cast<std::uint64_t>(orders)))
                    : 0;
                std::string orderNumber = orderRef ? "SO" + std::to_string(5000000 + orderRef) : "";
                std::string po = "PO-" + std::to_string(100001 + c) + "-" + std::to_string(5000 + k);
                std::int64_t amount = 5000 + static_cast<std::int64_t>(m_random.below(2500000)); // 50.00 .. 25,049.99
                std::string_view status = "paid";
                std::int64_t open = 0;
                const bool recent = (invoices - k) <= std::max<std::int64_t>(4, invoices / 8);
                if (m_random.chance(4)) {
                    status = "credit";
                    amount = -amount / 10;
                    open = recent ? amount : 0;
                } else if (recent) {
                    if (m_random.chance(30)) {
                        status = "partially_paid";
                        open = amount / 2;
                    } else {
                        status = "open";
                        open = amount;
                    }
                }
                const bool hasDoc = withDocuments && k % 3 != 1;
                if (hasDoc)
                    batch->documents.push_back(
                        {customerId, "invoice", invoiceId, "invoice", "Invoice-" + number + ".pdf",
                         makeDemoPdf({"Invoice " + number, "Customer " + number_c, "Invoice date " + dateOf(day),
                                      "Amount " + core::Money(amount).toString() + " " + std::string(currency)})});
                batch->invoices.push_back({invoiceId, customerId, std::move(number), std::move(orderNumber),
                                           std::move(po), &dateOf(day), &dateOf(day + 30), amount, open, currency,
                                           status, hasDoc});
            }
            if (batch->invoices.size() + batch->orders.size() >= 20000) {
                queue.push(std::move(batch));
                batch = std::make_unique<Batch>();
            }
        }
        queue.push(std::move(batch));
    }

    void write(const Batch& batch)
    {
        auto& insertOrder = store::DemoDataRepository(m_db).insertOrder();
        auto& insertShipment = store::DemoDataRepository(m_db).insertShipment();
        auto& insertInvoice = store::DemoDataRepository(m_db).insertInvoice();
        auto& insertDocument = store::DemoDataRepository(m_db).insertDocument();
        // Orders before their shipments (a foreign key when checks are on).
        for (const auto& o : batch.orders) {
            bindAll(insertOrder, o.id, o.customerId, o.number, o.po, *o.date, o.status, o.open, o.delivery, o.placedBy,
                    o.hasDocuments);
            ++m_counts.orders;
        }
        for (const auto& s : batch.shipments) {
            bindAll(insertShipment, s.orderId, s.shipment, s.delivery, s.agent, s.tracking, *s.date);
            ++m_counts.shipments;
        }
        for (const auto& i : batch.invoices) {
            bindAll(insertInvoice, i.id, i.customerId, i.number, i.orderNumber, i.po, *i.date, *i.due, i.amount, i.open,
                    i.currency, i.status, i.open != 0, i.hasDocuments);
            ++m_counts.invoices;
        }
        for (const auto& d : batch.documents) {
            bindAll(insertDocument, d.customerId, d.owner, d.ownerId, d.kind, d.fileName, "application/pdf",
                    static_cast<std::int64_t>(d.pdf.size()), store::Blob{d.pdf});
            ++m_counts.documents;
        }
    }

    void rolesAndUsers()
    {
        using core::Section;
        auto role = [&](std::string_view code, std::string_view description, core::ProcessSet processes,
                        core::SectionSet modules, bool noAccess) {
            store::DemoDataRepository(m_db).insertRole(code, description, processes.bits(), modules.bits(), noAccess);
        };
        role("SALES01", "Sales representatives", {core::Process::EmailDocuments},
             {Section::AccountSummary, Section::AccountAddresses, Section::OrdersView, Section::DeliveriesView,
              Section::QuotesView},
             false);
        role("FIN01", "Finance and credit control",
             {core::Process::PayInvoices, core::Process::PayOnAccount, core::Process::EmailDocuments},
             {Section::AccountSummary, Section::InvoicesView, Section::StatementsDownload, Section::PaymentsView},
             false);
        role("SUPPORT", "Customer service", {core::Process::EmailDocuments},
             {Section::AccountSummary, Section::AccountAddresses, Section::OrdersView, Section::DeliveriesView,
              Section::InvoicesView},
             false);
        role("NOACC", "Former staff (no portal access)", {}, {}, true);

        const std::string hash = m_hasher.hash(DemoData::kPassword);
        store::DemoDataRepository(m_db).insertDemoStaff(hash);

        auto contactId
            = [&](const std::string& email) { return store::DemoDataRepository(m_db).contactIdByEmail(email); };
        store::PortalUserRepository users(m_db);
        core::PortalUser alice;
        alice.email = "alice@demo.test";
        alice.firstName = "Alice";
        alice.lastName = "Anderson";
        alice.passwordHash = hash;
        alice.status = core::PortalUserStatus::Active;
        alice.contactId = contactId(alice.email);
        alice.customerNumber = "C100001";
        alice.assignedCustomers = {"C100001", "C100002"};
        alice.sections = core::SectionSet::all();
        alice.isAdmin = true;
        alice.makePayment = true;
        users.insert(alice);

        core::PortalUser bob = alice;
        bob.email = "bob@demo.test";
        bob.firstName = "Bob";
        bob.lastName = "Brown";
        bob.contactId = contactId(bob.email);
        bob.assignedCustomers = {"C100001"};
        bob.sections = {Section::AccountSummary, Section::AccountAddresses, Section::InvoicesView, Section::OrdersView,
                        Section::DeliveriesView};
        bob.isAdmin = false;
        bob.makePayment = false;
        users.insert(bob);

        core::PortalUser carol = alice;
        carol.email = "carol@demo.test";
        carol.firstName = "Carol";
        carol.lastName = "Clark";
        carol.contactId = contactId(carol.email);
        carol.customerNumber = "C100003";
        carol.assignedCustomers = {"C100003"};
        carol.sections = core::SectionSet::all();
        carol.isAdmin = true;
        users.insert(carol);
    }

    void settings()
    {
        store::SettingRepository settings(m_db);
        settings.set("portal.name", "Gatehouse Demo Portal", "demo");
    }

    template <typename... Args> void bindAll(store::Statement& statement, const Args&... args)
    {
        store::Query q(statement);
        int index = 0;
        (q.bindOne(++index, args), ...);
        q.run();
    }

    store::Connection& m_db;
    Plan m_plan;
    const core::PasswordHasher& m_hasher;
    Random m_random;
    DemoData::Counts m_counts;
    std::vector<std::string> m_names;
    std::vector<std::string> m_currencies;
    std::vector<std::string> m_dates;
};

std::string pdfEscape(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (c == '(' || c == ')' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::vector<DemoData::SignIn> DemoData::signIns()
{
    return {{"admin@demo.test", "staff (admin)"},
            {"viewer@demo.test", "staff (viewer)"},
            {"alice@demo.test", "portal: account admin of C100001 (STAT family with C100002)"},
            {"bob@demo.test", "portal: user of C100001"},
            {"carol@demo.test", "portal: C100003 (no STAT ID)"}};
}

bool DemoData::isEmpty(store::Connection& connection)
{
    return store::DemoDataRepository(connection).isEmpty();
}

DemoData::Counts DemoData::generate(store::Connection& connection, Scale scale, const core::PasswordHasher& hasher)
{
    if (!isEmpty(connection))
        throw std::runtime_error("the database is not empty; demo data goes only into an empty database");
    store::Transaction tx(connection);
    Generator generator(connection, scale, hasher);
    Counts counts = generator.run();
    tx.commit();
    return counts;
}

DemoData::Counts DemoData::buildFile(const std::string& path, Scale scale, const core::PasswordHasher& hasher)
{
    {
        store::SqliteDatabase target(path);
        auto connection = target.acquire();
        store::Migrations::apply(*connection);
        if (!isEmpty(*connection))
            throw std::runtime_error("the database is not empty; demo data goes only into an empty database");
    }
    const std::string building = path + ".demo-building";
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        Poco::File stale(building + suffix);
        if (stale.exists())
            stale.remove();
    }
    Counts counts;
    {
        store::SqliteDatabase::Options options;
        options.bulkLoad = true;
        store::SqliteDatabase scratch(building, options);
        auto connection = scratch.acquire();
        store::Migrations::apply(*connection);
        counts = generate(*connection, scale, hasher);
        store::DemoDataRepository(*connection).endBulkLoad();
    }
    // The target's own WAL files belong to the empty database being replaced.
    for (const char* suffix : {"-wal", "-shm"}) {
        Poco::File old(path + suffix);
        if (old.exists())
            old.remove();
    }
    Poco::File(building).renameTo(path);
    return counts;
}

DemoData::Scale DemoData::parseScale(const std::string& text)
{
    if (text == "small")
        return Scale::Small;
    if (text == "large")
        return Scale::Large;
    throw std::invalid_argument("--demo-scale must be small or large, not '" + text + "'");
}

std::string makeDemoPdf(const std::vector<std::string>& lines)
{
    std::string stream = "BT /F1 14 Tf 72 760 Td 18 TL\n";
    for (const auto& line : lines)
        stream += "(" + pdfEscape(line) + ") Tj T*\n";
    stream += "ET\n";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "endstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto offset : offsets) {
        char entry[24];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace gh::services
