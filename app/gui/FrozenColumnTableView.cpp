#include "FrozenColumnTableView.h"

#include <QHeaderView>
#include <QScrollBar>

using namespace Qt::StringLiterals;

FrozenColumnTableView::FrozenColumnTableView(QWidget* parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    m_frozen->setObjectName(u"frozenColumns"_s);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_frozen->setFrameShape(QFrame::NoFrame);
    // A line on the right edge shows where the scrolled columns pass under.
    m_frozen->setStyleSheet(u"QTableView#frozenColumns { border-right: 2px solid palette(mid); }"_s);
    viewport()->stackUnder(m_frozen);
    setHorizontalScrollMode(ScrollPerPixel);
    setVerticalScrollMode(ScrollPerPixel);

    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical < m_frozenCount) {
            m_frozen->setColumnWidth(logical, size);
            updateFrozenGeometry();
        }
    });
    connect(verticalHeader(), &QHeaderView::sectionResized, this,
            [this](int logical, int, int size) { m_frozen->setRowHeight(logical, size); });
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    // A right click on the frozen part is a right click on that row of the table.
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        if (contextMenuPolicy() == Qt::CustomContextMenu)
            emit customContextMenuRequested(viewport()->mapFromGlobal(m_frozen->viewport()->mapToGlobal(pos)));
    });
    // A click on a frozen header sorts like a click on the main header (which alone sorts the model);
    // the frozen header mirrors the main one's indicator.
    m_frozen->horizontalHeader()->setSectionsClickable(true);
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        if (!isSortingEnabled())
            return;
        auto* header = horizontalHeader();
        const auto order
            = header->sortIndicatorSection() == logical && header->sortIndicatorOrder() == Qt::AscendingOrder
            ? Qt::DescendingOrder
            : Qt::AscendingOrder;
        header->setSortIndicator(logical, order);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int logical, Qt::SortOrder order) {
        m_frozen->horizontalHeader()->setSortIndicator(logical, order);
    });
}

void FrozenColumnTableView::setModel(QAbstractItemModel* model)
{
    if (this->model())
        disconnect(this->model(), nullptr, this, nullptr);
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &FrozenColumnTableView::syncColumns);
        connect(model, &QAbstractItemModel::columnsInserted, this, &FrozenColumnTableView::syncColumns);
        connect(model, &QAbstractItemModel::columnsRemoved, this, &FrozenColumnTableView::syncColumns);
    }
    syncColumns();
}

void FrozenColumnTableView::setFrozenColumnCount(int count)
{
    m_frozenCount = std::max(0, count);
    syncColumns();
}

void FrozenColumnTableView::syncColumns()
{
    // The frozen view shares the look of the main one (set up after construction).
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setWordWrap(wordWrap());
    m_frozen->horizontalHeader()->setSortIndicatorShown(horizontalHeader()->isSortIndicatorShown());
    m_frozen->horizontalHeader()->setSortIndicator(horizontalHeader()->sortIndicatorSection(),
                                                   horizontalHeader()->sortIndicatorOrder());
    m_frozen->horizontalHeader()->setHighlightSections(false);
    m_frozen->verticalHeader()->setSectionResizeMode(verticalHeader()->sectionResizeMode(0));
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    const int columns = model() ? model()->columnCount() : 0;
    for (int column = 0; column < columns; ++column) {
        m_frozen->setColumnHidden(column, column >= m_frozenCount);
        if (column < m_frozenCount)
            m_frozen->setColumnWidth(column, columnWidth(column));
    }
    m_frozen->setVisible(m_frozenCount > 0 && columns > 0);
    updateFrozenGeometry();
}

int FrozenColumnTableView::frozenWidth() const
{
    int width = 0;
    const int columns = model() ? std::min(m_frozenCount, model()->columnCount()) : 0;
    for (int column = 0; column < columns; ++column)
        width += isColumnHidden(column) ? 0 : columnWidth(column);
    return width;
}

void FrozenColumnTableView::updateFrozenGeometry()
{
    m_frozen->setGeometry(verticalHeader()->isVisible() ? verticalHeader()->width() + frameWidth() : frameWidth(),
                          frameWidth(), frozenWidth(), viewport()->height() + horizontalHeader()->height());
}

void FrozenColumnTableView::updateGeometries()
{
    QTableView::updateGeometries();
    updateFrozenGeometry();
}

void FrozenColumnTableView::resizeEvent(QResizeEvent* event)
{
    QTableView::resizeEvent(event);
    updateFrozenGeometry();
}

QModelIndex FrozenColumnTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    const auto current = QTableView::moveCursor(cursorAction, modifiers);
    // Moving left into a column hidden under the frozen ones scrolls it out from under them.
    if (cursorAction == MoveLeft && current.column() >= m_frozenCount
        && visualRect(current).topLeft().x() < frozenWidth()) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + visualRect(current).topLeft().x()
                                        - frozenWidth());
    }
    return current;
}

void FrozenColumnTableView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    if (index.column() >= m_frozenCount) {
        QTableView::scrollTo(index, hint);
        return;
    }
    // A frozen cell is always in view sideways: only scroll up or down to its row.
    const int sideways = horizontalScrollBar()->value();
    QTableView::scrollTo(index, hint);
    horizontalScrollBar()->setValue(sideways);
}
