#pragma once

#include <QTableView>

// A table whose first columns stay in place when it scrolls sideways: a second QTableView over the
// same model and selection shows only those columns on top of the left edge, as Qt's "Frozen Column"
// example does. Used for the contacts grid, where the name and e-mail must stay readable next to
// the last permission columns.
class FrozenColumnTableView : public QTableView
{
    Q_OBJECT
public:
    explicit FrozenColumnTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    void setFrozenColumnCount(int count);
    int frozenColumnCount() const { return m_frozenCount; }
    QTableView* frozenView() const { return m_frozen; }
    // The frozen columns' width together: what the scrolled part starts after.
    int frozenWidth() const;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void syncColumns();
    void updateFrozenGeometry();

    QTableView* m_frozen;
    int m_frozenCount = 1;
};
