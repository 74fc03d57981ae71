;;; notmuch-followup-test.el --- ERT tests of emacs/notmuch-followup.el  -*- lexical-binding: t -*-

;; Run by tests/e2e/T148-emacs-package.sh in emacs --batch, against the
;; real notmuch database it built (NOTMUCH_CONFIG), under faketime.
;; NMF_PANEL: the addresses of the panel, space-separated, whose
;; thank-yous are due; NMF_BARE: the address whose draft has a
;; placeholder left.

;;; Code:

(require 'ert)
(require 'notmuch)
(require 'notmuch-followup)

(defun nmf-test--rows ()
  "The rows of the list buffer, after opening it afresh."
  (notmuch-followup)
  (with-current-buffer "*notmuch-followup*"
    (let (rows)
      (goto-char (point-min))
      (while (not (eobp))
        (when (tabulated-list-get-id)
          (push (tabulated-list-get-id) rows))
        (forward-line 1))
      (nreverse rows))))

(defun nmf-test--goto (addr)
  "Put point on the row of the step to ADDR in the list buffer."
  (notmuch-followup)
  (with-current-buffer "*notmuch-followup*"
    (goto-char (point-min))
    (while (and (not (eobp))
                (not (equal addr (alist-get 'addr (alist-get 'to (tabulated-list-get-id))))))
      (forward-line 1))
    (should-not (eobp))
    (point)))

(defun nmf-test--open (addr)
  "RET on the row of the step to ADDR; the buffer it opens is current."
  (let ((pos (nmf-test--goto addr)))
    (set-buffer "*notmuch-followup*")
    (goto-char pos)
    (notmuch-followup-open)
    (current-buffer)))

(ert-deftest nmf-list-shows-the-due-steps ()
  "The buffer lists each due thank-you, with its person and a draft."
  (let* ((rows (nmf-test--rows))
         (addrs (mapcar (lambda (r) (alist-get 'addr (alist-get 'to r))) rows))
         (want (split-string (concat (getenv "NMF_PANEL") " "
                                     (getenv "NMF_BARE")))))
    (should (equal (sort (copy-sequence addrs) #'string<)
                   (sort want #'string<)))
    (dolist (r rows)
      (should (equal (alist-get 'step r) "thank-you"))
      (should (alist-get 'draft_id r)))
    (with-current-buffer "*notmuch-followup*"
      (should (derived-mode-p 'notmuch-followup-list-mode))
      (should (string-match-p "thank-you" (buffer-string)))
      (should (string-match-p "Cascade Freight" (buffer-string))))))

(ert-deftest nmf-ret-resumes-the-right-draft ()
  "RET on a row opens that step's draft, to that person, for editing."
  (let ((addr (car (split-string (getenv "NMF_PANEL")))))
    (nmf-test--open addr)
    (should (derived-mode-p 'message-mode))
    (should (string-match-p (regexp-quote addr)
                            (or (message-fetch-field "To") "")))
    (should (string-match-p "Thank you"
                            (buffer-substring-no-properties (point-min)
                                                            (point-max))))
    (set-buffer-modified-p nil)
    (kill-buffer)))

(ert-deftest nmf-send-hook-stops-a-placeholder ()
  "With the check mode on, a draft with a placeholder does not go out
when the user answers no; a clean one goes without a question."
  (notmuch-followup-check-mode 1)
  (should (memq #'notmuch-followup-check-before-send message-send-hook))
  (let* ((asked nil)
         (addr (getenv "NMF_BARE")))
    (cl-letf (((symbol-function 'yes-or-no-p)
               (lambda (prompt) (setq asked prompt) nil)))
      (nmf-test--open addr)
      (should (derived-mode-p 'message-mode))
      (should-error (run-hooks 'message-send-hook) :type 'user-error)
      (should (string-match-p "placeholder" asked))
      ;; Stopped before notmuch-emacs marks the draft deleted.
      (should (equal (process-lines "notmuch" "count"
                                    (concat "tag:draft and not tag:deleted and to:"
                                            addr))
                     '("1")))
      (set-buffer-modified-p nil)
      (kill-buffer)
      ;; A draft of the panel has no placeholder: no question.
      (setq asked nil)
      (nmf-test--open (car (split-string (getenv "NMF_PANEL"))))
      (should (derived-mode-p 'message-mode))
      (notmuch-followup-check-before-send)
      (should-not asked)
      (set-buffer-modified-p nil)
      (kill-buffer)))
  (notmuch-followup-check-mode -1)
  (should-not (memq #'notmuch-followup-check-before-send message-send-hook)))

(ert-deftest nmf-note-goes-to-the-row-person ()
  "n notes a sentence for the person of the row; their draft follows."
  (let ((addr (cadr (split-string (getenv "NMF_PANEL")))))
    (with-current-buffer "*notmuch-followup*"
      (goto-char (nmf-test--goto addr))
      (notmuch-followup-note "we talked about the on-call rota"))
    (let ((file (car (process-lines "notmuch" "search" "--output=files"
                                    (concat "tag:draft and to:" addr)))))
      (with-temp-buffer
        (insert-file-contents file)
        (should (string-match-p "We talked about the on-call rota\\."
                                (buffer-string)))))))

(ert-deftest nmf-show-opens-the-timeline ()
  "s shows the process as a timeline in a buffer."
  (with-current-buffer "*notmuch-followup*"
    (goto-char (nmf-test--goto (getenv "NMF_BARE")))
    (notmuch-followup-show))
  (with-current-buffer "*notmuch-followup output*"
    (should (string-match-p "^timeline:" (buffer-string)))
    (should (string-match-p "^rounds:" (buffer-string)))))

;;; notmuch-followup-test.el ends here
