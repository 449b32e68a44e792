#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

// Help → About: the version (the CMake project version), the license and how this build was made.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    // Qt and compiler versions, build type and platform, one "name: value" per line (not translated:
    // it goes into bug reports).
    static QString buildInformation();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    std::unique_ptr<Ui::AboutDialog> m_ui;
};
